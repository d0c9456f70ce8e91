import { Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RecordPlace, RecordType } from '../api/replies.ts';

/** "部件 · 路灯": a record's kind and name, as chips, options and the case's facts show it. */
export const recordLabel = (t: TFunction, r: { type: RecordType; name: string | null; key: string }) =>
  `${t(`subject.type.${r.type}`)} · ${r.name ?? r.key}`;

/** The record a report is linked to, with where its place came from and a way to unlink it. */
export function LinkedRecord({ record, onUnlink }: { record: RecordPlace; onUnlink(): void }) {
  const { t } = useTranslation();
  return (
    <div className="linked-record" data-testid="linked-record">
      <Tag
        color="blue"
        closable
        title={t('subject.unlink')}
        onClose={(e) => {
          e.preventDefault();
          onUnlink();
        }}
      >
        {recordLabel(t, record)}
      </Tag>
      <Typography.Text type="secondary" className="linked-record-hint">
        {record.lng !== null ? t('subject.pointFromRecord', { name: record.name }) : t('subject.noPoint')}
      </Typography.Text>
    </div>
  );
}
