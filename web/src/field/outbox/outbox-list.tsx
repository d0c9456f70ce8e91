import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { FieldSection } from '../field-section.tsx';
import type { OutboxReport } from './outbox-db.ts';

interface Props {
  items: OutboxReport[];
  itemName(code: string): string;
  onRemove(key: string): void;
}

const ICON = { waiting: <ClockCircleOutlined />, sent: <CheckCircleOutlined />, refused: <CloseCircleOutlined /> };

/** 待发送: what was reported on this phone and where it stands — waiting, sent with its case number, or refused and why. */
export function OutboxList({ items, itemName, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return null;
  const sent = items.filter((i) => i.state === 'sent');
  return (
    <FieldSection title={t('field.outbox.title')} testId="outbox">
      {items.map((item) => (
        <div key={item.key} className={`outbox-item outbox-${item.state}`} data-testid="outbox-item" data-state={item.state}>
          <div className="outbox-line">
            <span className="outbox-state">
              {ICON[item.state]} {t(`field.outbox.${item.state}`)}
            </span>
            <span className="secondary">{new Date(item.createdAt).toLocaleTimeString(i18n.language, { timeStyle: 'short' })}</span>
          </div>
          <div className="outbox-what">
            <strong>{itemName(item.body.itemCode)}</strong> · {item.body.description}
          </div>
          {item.state === 'sent' && item.reply && (
            <div className="mono" data-testid="outbox-case-no">
              {t('report.caseNo', { caseNo: item.reply.caseNo })}
            </div>
          )}
          {item.state === 'refused' && item.refusal && (
            <div className="outbox-refusal">
              <span className="text-danger" data-testid="outbox-reason">
                {item.refusal.message}
              </span>
              <Button size="small" icon={<DeleteOutlined />} onClick={() => onRemove(item.key)}>
                {t('field.outbox.discard')}
              </Button>
            </div>
          )}
        </div>
      ))}
      {sent.length > 0 && (
        <Button
          type="link"
          size="small"
          onClick={() => {
            for (const i of sent) onRemove(i.key);
          }}
        >
          {t('field.outbox.clearSent')}
        </Button>
      )}
    </FieldSection>
  );
}
