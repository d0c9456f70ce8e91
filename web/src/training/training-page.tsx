import { Button, Drawer, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE } from '../../../shared/limits.ts';
import type { TrainingSession } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';
import { usePaged } from '../use-paged.ts';
import { SessionDialog } from './session-dialog.tsx';
import { TrainingHistoryList } from './training-history.tsx';

const year = () => String(new Date().getFullYear());

/** Person-times and hours per area of mine in a period (Xiaogan reports its person-times this way). */
function TrainingFigures() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [area, setArea] = useState(me?.areas[0]?.code);
  const [from, setFrom] = useState(`${year()}-01-01`);
  const [to, setTo] = useState(`${year()}-12-31`);
  const figures = useApi('/api/training/figures', { params: { query: { area, from, to } } });
  return (
    <div data-testid="training-figures">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={area}
          onChange={setArea}
          style={{ minWidth: 160 }}
          options={(me?.areas ?? []).map((a) => ({ value: a.code, label: a.name }))}
          aria-label={t('training.areaName')}
        />
        <span>{t('training.period')}</span>
        <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="training-from" />
        <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="training-to" />
      </Space>
      {figures.data && (
        <Typography.Paragraph strong data-testid="training-figures-total">
          {figures.data.area.name} · {t('training.total', { personTimes: figures.data.personTimes, hours: figures.data.hours })}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        loading={figures.loading}
        dataSource={figures.data?.rows ?? []}
        columns={[
          { title: t('training.areaName'), key: 'name', render: (_, r) => <span title={r.code}>{r.name}</span> },
          { title: t('training.personTimes'), dataIndex: 'personTimes', align: 'right' },
          { title: t('training.people'), dataIndex: 'people', align: 'right' },
          { title: t('training.totalHours'), dataIndex: 'hours', align: 'right' },
        ]}
      />
    </div>
  );
}

/** 培训记录: the sessions held in my jurisdiction (a centre records them), each attendee's history a click away, and the figures. */
export function TrainingPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [recording, setRecording] = useState(false);
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const paged = usePaged(PAGE.trainingSessions.default, '');
  const list = useApi('/api/training/sessions', { params: { query: paged.query } });
  const history = useApi('/api/training/people/{userId}', person ? { params: { path: { userId: person.id } } } : null);

  const sessions = (
    <Table<TrainingSession>
      rowKey="id"
      size="small"
      loading={list.loading}
      dataSource={list.data?.items ?? []}
      pagination={paged.pagination(list.data?.total)}
      locale={{ emptyText: t('training.none') }}
      data-testid="training-sessions"
      columns={[
        { title: t('training.topic'), dataIndex: 'topic' },
        { title: t('training.heldOn'), dataIndex: 'heldOn' },
        { title: t('training.hours'), dataIndex: 'hours', align: 'right' },
        { title: t('training.trainer'), dataIndex: 'trainer' },
        { title: t('training.area'), dataIndex: 'areaName' },
        {
          title: t('training.attendees'),
          key: 'attendees',
          render: (_, s) => (
            <Space size={4} wrap>
              {s.attendees.map((a) => (
                <a key={a.id} onClick={() => setPerson(a)} data-testid="training-attendee">
                  {a.name}
                </a>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('training.title')}</Typography.Title>
        {can('training.manage') && (
          <Button type="primary" onClick={() => setRecording(true)} data-testid="training-record">
            {t('training.record')}
          </Button>
        )}
      </div>
      <Tabs
        items={[
          { key: 'sessions', label: t('training.sessions'), children: sessions },
          { key: 'figures', label: <span data-testid="training-figures-tab">{t('training.figures')}</span>, children: <TrainingFigures /> },
        ]}
      />
      <SessionDialog
        open={recording}
        onClose={() => setRecording(false)}
        onSaved={() => {
          setRecording(false);
          list.reload();
        }}
      />
      <Drawer
        open={person !== null}
        onClose={() => setPerson(null)}
        title={`${person?.name ?? ''} · ${t('training.history')}`}
        width="min(480px, 100vw)"
      >
        <TrainingHistoryList history={history.data} loading={history.loading} />
      </Drawer>
    </div>
  );
}
