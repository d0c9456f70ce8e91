import { CloseOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** The round × on a photo a picker holds (every photo picker: console, phone outbox, citizens' page). */
export function PhotoRemove({ onRemove }: { onRemove(): void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      shape="circle"
      icon={<CloseOutlined />}
      className="photo-remove"
      aria-label={t('photos.remove')}
      onClick={onRemove}
    />
  );
}
