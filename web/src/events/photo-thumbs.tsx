import { Image } from 'antd';

export const photoUrl = (key: string) => `/api/files/photos/${encodeURIComponent(key)}`;

/** Thumbnails of uploaded photos; a click previews them full size. */
export function PhotoThumbs({ keys, size = 72 }: { keys: string[]; size?: number }) {
  return (
    <Image.PreviewGroup>
      <div className="photo-thumbs">
        {keys.map((key) => (
          <Image key={key} src={photoUrl(key)} width={size} height={size} className="photo-thumb" data-testid="photo-thumb" />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
