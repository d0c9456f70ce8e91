import { ArrowRightOutlined } from '@ant-design/icons';
import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordChange } from '../api/replies.ts';
import { changedFields, type FieldChange, PERSON_DESCRIBER, type RecordDescriber } from './change-values.ts';

/** The changes of one record, newest first, each with who made it; an update lists only the fields it changed. */
export function PersonHistory({ history, describe = PERSON_DESCRIBER }: { history: RecordChange[]; describe?: RecordDescriber }) {
  const { t, i18n } = useTranslation();
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('people.noHistory')} />;

  // null for the entry that created the record.
  const changesOf = (h: RecordChange): FieldChange[] | null => (h.before ? changedFields(h.before, h.after ?? {}, describe) : null);
  const entries = history.map((h) => ({ h, changes: changesOf(h) })).reverse();

  return (
    <Timeline
      className="person-history"
      items={entries.map(({ h, changes }, i) => ({
        key: `${h.at}-${i}`,
        color: changes ? 'blue' : 'green',
        children: (
          <div className="history-entry" data-testid="history-entry">
            <div className="history-head">
              <Typography.Text type="secondary">{new Date(h.at).toLocaleString(i18n.language)}</Typography.Text>
              <Typography.Text className="history-actor">
                {h.actorName ?? (h.actorId ? t('common.unknown') : t('audit.system'))}
              </Typography.Text>
              {changes ? (
                <Tag color="blue">{t('people.changed', { n: changes.length })}</Tag>
              ) : (
                <Tag color="green">{t('people.created')}</Tag>
              )}
            </div>
            {changes?.length === 0 && <Typography.Text type="secondary">{t('people.noFieldChanged')}</Typography.Text>}
            {changes?.map((c) => (
              <div key={c.key} className="history-change">
                <span className="history-field">{c.label}</span>
                <span className={describe.mono.has(c.key) ? 'mono history-before' : 'history-before'}>{c.before}</span>
                <ArrowRightOutlined className="history-arrow" />
                <span className={describe.mono.has(c.key) ? 'mono history-after' : 'history-after'}>{c.after}</span>
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
