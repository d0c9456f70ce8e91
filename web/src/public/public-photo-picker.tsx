import { CameraOutlined, LoadingOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTOS_MAX } from '../../../shared/limits.ts';
import { apiUpload } from '../api.ts';
import { PhotoRemove } from '../photo-remove.tsx';
import { useShowError } from '../use-show-error.tsx';

interface Props {
  value?: string[];
  onChange?(keys: string[]): void;
}

/**
 * The citizen's photos: uploaded to the public endpoint at once, the value is their keys. Thumbnails come from
 * the picked files themselves, since a citizen has no account to read photos back with.
 */
export function PublicPhotoPicker({ value = [], onChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(0);
  const [previews, setPreviews] = useState<Record<string, string>>({});
  // Uploads finish in any order: add each key to the latest list, not to the one this render saw.
  const keys = useRef(value);
  keys.current = value;
  const urls = useRef(previews);
  urls.current = previews;
  useEffect(
    () => () => {
      for (const u of Object.values(urls.current)) URL.revokeObjectURL(u);
    },
    [],
  );

  async function upload(file: File) {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const { key } = await apiUpload('/api/public/photos', form);
      setPreviews((p) => (p[key] ? p : { ...p, [key]: URL.createObjectURL(file) }));
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

  return (
    <div className="photo-picker" data-testid="public-photo-picker">
      {value.map((key) => (
        <div key={key} className="photo-cell public-photo-cell">
          <img src={previews[key]} alt="" className="photo-thumb" />
          <PhotoRemove onRemove={() => onChange?.(value.filter((k) => k !== key))} />
        </div>
      ))}
      {Array.from({ length: uploading }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders of uploads in flight have nothing but their place
        <div key={`up-${i}`} className="photo-cell photo-pending public-photo-cell" title={t('photos.uploading')}>
          <LoadingOutlined />
        </div>
      ))}
      {value.length + uploading < PHOTOS_MAX && (
        <button type="button" className="photo-cell photo-add public-photo-cell" onClick={() => input.current?.click()}>
          <CameraOutlined />
          <span>{t('photos.add')}</span>
        </button>
      )}
      <input ref={input} type="file" accept="image/*" capture="environment" multiple hidden onChange={(e) => void picked(e)} />
    </div>
  );
}
