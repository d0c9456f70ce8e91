import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeWarningDetail } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';
import { codeName } from '../people/person-codes.ts';

/** A tag `special_group:03` by its name, the code as secondary text. */
const tagName = (tag: string) => {
  const [kind, code] = tag.split(':');
  return codeName(kind === 'special_group' ? 'specialGroup' : 'keyPerson', code);
};

/** 漏访预警的依据: the person (masked, tags only for roles that see tags) and the follow-ups they missed. */
export function MissedVisitEvidence({ warning }: { warning: DisputeWarningDetail }) {
  const { t } = useTranslation();
  const p = warning.person;
  if (!p) return null;
  return (
    <>
      <Typography.Title level={5} className="detail-section">
        {t('disputeWarnings.person')}
      </Typography.Title>
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered data-testid="warning-person">
        <Descriptions.Item label={t('disputes.partyName')}>{p.name ?? t('disputes.outsideScope')}</Descriptions.Item>
        <Descriptions.Item label={t('disputes.grid')}>
          {p.gridCode ? <CodeName name={p.gridName ?? p.gridCode} code={p.gridCode} /> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('disputes.identifier')}>
          <span className="mono" data-testid="warning-person-identifier">
            {p.identifier ?? '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('disputes.phone')}>
          <span className="mono">{p.phone ?? '—'}</span>
        </Descriptions.Item>
        {p.tags && (
          <Descriptions.Item label={t('disputeWarnings.tags')} span={2}>
            {p.tags.map((tag) => (
              <Tag key={tag} color="purple">
                {tagName(tag)}
              </Tag>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5} className="detail-section">
        {t('disputeWarnings.misses')}
      </Typography.Title>
      <Table
        size="small"
        rowKey={(m) => `${m.dueOn ?? 'never'}`}
        pagination={false}
        dataSource={warning.misses}
        scroll={{ x: 'max-content' }}
        data-testid="warning-misses"
        columns={[
          { title: t('disputeWarnings.dueOn'), render: (_, m) => m.dueOn ?? t('disputeWarnings.neverVisited') },
          { title: t('disputeWarnings.lastOn'), render: (_, m) => m.lastOn ?? '—' },
          { title: t('disputeWarnings.daysOverdue'), render: (_, m) => m.daysOverdue ?? '—' },
          { title: t('disputeWarnings.foundAt'), render: (_, m) => new Date(m.addedAt).toLocaleString() },
        ]}
      />
    </>
  );
}
