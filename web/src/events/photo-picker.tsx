import { CameraOutlined, LoadingOutlined } from '@ant-design/icons';
import { App, Image } from 'antd';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTOS_MAX } from '../../../shared/limits.ts';
import { apiUpload } from '../api.ts';
import { PhotoRemove } from '../photo-remove.tsx';
import { useShowError } from '../use-show-error.tsx';
import { photoUrl } from './photo-thumbs.tsx';

interface Props {
  value?: string[];
  onChange?(keys: string[]): void;
  /** Thumbnail size in px. */
  size?: number;
}

/**
 * Takes or picks photos and uploads each one at once; the value is the photo keys (a Form control).
 * On a phone `capture` opens the camera.
 */
export function PhotoPicker({ value = [], onChange, size = 72 }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(0);
  // Uploads finish in any order: add each key to the latest list, not to the one this render saw.
  const keys = useRef(value);
  keys.current = value;

  async function upload(file: File) {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const { key } = await apiUpload('/api/files/photos', form);
      if (!keys.current.includes(key)) {
        keys.current = [...keys.current, key];
        onChange?.(keys.current);
      }
    } catch (err) {
      showError(err);
    }
  }

  async function picked(e: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(e.target.files ?? []);
    e.target.value = ''; // the same photo may be picked again after removing it
    const room = PHOTOS_MAX - value.length - uploading;
    if (files.length > room) void message.warning(t('photos.max', { n: PHOTOS_MAX }));
    const take = files.slice(0, Math.max(0, room));
    setUploading((n) => n + take.length);
    await Promise.all(take.map((f) => upload(f).finally(() => setUploading((n) => n - 1))));
  }

  const remove = (key: string) => onChange?.(value.filter((k) => k !== key));
  const box = { width: size, height: size };

  return (
    <div className="photo-picker" data-testid="photo-picker">
      {value.map((key) => (
        <div key={key} className="photo-cell" style={box}>
          <Image src={photoUrl(key)} width={size} height={size} className="photo-thumb" data-testid="photo-thumb" />
          <PhotoRemove onRemove={() => remove(key)} />
        </div>
      ))}
      {Array.from({ length: uploading }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders of uploads in flight have nothing but their place
        <div key={`up-${i}`} className="photo-cell photo-pending" style={box} title={t('photos.uploading')}>
          <LoadingOutlined />
        </div>
      ))}
      {value.length + uploading < PHOTOS_MAX && (
        <button type="button" className="photo-cell photo-add" style={box} onClick={() => input.current?.click()}>
          <CameraOutlined />
          <span>{t('photos.add')}</span>
        </button>
      )}
      <input ref={input} type="file" accept="image/*" capture="environment" multiple hidden onChange={(e) => void picked(e)} />
    </div>
  );
}
