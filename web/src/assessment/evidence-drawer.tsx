import { Drawer, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentEvidence } from '../api/replies.ts';
import { EventDrawer } from '../events/event-drawer.tsx';
import { EventStatusTag } from '../events/event-status-tag.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { useDepartments } from '../events/use-departments.ts';
import { useApi } from '../use-api.ts';

/** Which list of one item to open: the item, the fact (for an indicator), and how many the score counted. */
export interface EvidenceScope {
  resultId: string;
  key: string;
  fact?: string;
  name: string;
  counted: number | null;
}

const PAGE_SIZE = 20;
type Row = AssessmentEvidence['items'][number];

/** 得分依据: the cases, records or visits behind one item of a result; a case opens. */
export function EvidenceDrawer({ scope, onClose }: { scope: EvidenceScope | null; onClose(): void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const catalogue = useCatalogue();
  const departments = useDepartments();
  const { data, loading } = useApi(
    '/api/assessment/results/{id}/items/{key}/evidence',
    scope
      ? {
          params: {
            path: { id: scope.resultId, key: scope.key },
            query: { fact: scope.fact, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
          },
        }
      : null,
  );
  const cases = data?.kind === 'cases';
  const titles = t(`assessment.explain.columns.${data?.kind ?? 'cases'}`, { returnObjects: true }) as string[];
  return (
    <Drawer
      open={scope !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      width={760}
      title={scope ? t('assessment.explain.evidence', { name: scope.name, n: data?.total ?? '…' }) : ''}
      destroyOnHidden
    >
      {scope?.counted !== null && data && scope && data.total !== scope.counted && (
        <Typography.Paragraph type="warning">{t('assessment.explain.evidenceNow', { n: scope.counted })}</Typography.Paragraph>
      )}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        onRow={(row) => (cases ? { onClick: () => setOpen(row.id), style: { cursor: 'pointer' } } : {})}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="evidence-list"
        columns={[
          { title: titles[0], dataIndex: 'label' },
          {
            title: titles[1],
            key: 'detail',
            render: (_, r) => (data?.kind === 'records' ? t(`assessment.explain.${r.detail}`) : <span className="mono">{r.detail}</span>),
          },
          {
            title: titles[2],
            key: 'status',
            render: (_, r) =>
              cases ? (
                <EventStatusTag status={r.status ?? ''} />
              ) : data?.kind === 'records' ? (
                <Tag color={r.counted ? 'green' : 'red'}>{t(`assessment.explain.${r.status}`)}</Tag>
              ) : (
                r.status
              ),
          },
          { title: titles[3], dataIndex: 'at', render: (a: string | null) => (a ? a.slice(0, 10) : '—') },
        ]}
      />
      <EventDrawer
        id={open}
        itemName={catalogue.nameOf}
        unitName={departments.unitName}
        onClose={() => setOpen(null)}
        onChanged={() => {}}
      />
    </Drawer>
  );
}
