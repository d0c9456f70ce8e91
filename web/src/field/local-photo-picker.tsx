import { CameraOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { type ChangeEvent, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTOS_MAX } from '../../../shared/limits.ts';
import { PhotoRemove } from '../photo-remove.tsx';

interface Props {
  value?: File[];
  onChange?(files: File[]): void;
  /** Thumbnail size in px. */
  size?: number;
}

/**
 * Takes or picks photos and keeps them on the phone (a Form control whose value is the files): the outbox uploads
 * them with the report, so a photo taken without signal is not lost. On a phone `capture` opens the camera.
 */
export function LocalPhotoPicker({ value = [], onChange, size = 88 }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const urls = useMemo(() => value.map((f) => URL.createObjectURL(f)), [value]);
  useEffect(
    () => () => {
      for (const u of urls) URL.revokeObjectURL(u);
    },
    [urls],
  );

  function picked(e: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(e.target.files ?? []);
    e.target.value = ''; // the same photo may be picked again after removing it
    if (value.length + files.length > PHOTOS_MAX) void message.warning(t('photos.max', { n: PHOTOS_MAX }));
    onChange?.([...value, ...files].slice(0, PHOTOS_MAX));
  }

  const box = { width: size, height: size };
  return (
    <div className="photo-picker" data-testid="photo-picker">
      {value.map((file, i) => (
        <div key={urls[i]} className="photo-cell" style={box}>
          <img src={urls[i]} width={size} height={size} className="photo-thumb" alt={file.name} data-testid="photo-thumb" />
          <PhotoRemove onRemove={() => onChange?.(value.filter((f) => f !== file))} />
        </div>
      ))}
      {value.length < PHOTOS_MAX && (
        <button type="button" className="photo-cell photo-add" style={box} onClick={() => input.current?.click()}>
          <CameraOutlined />
          <span>{t('photos.add')}</span>
        </button>
      )}
      <input ref={input} type="file" accept="image/*" capture="environment" multiple hidden onChange={picked} />
    </div>
  );
}
