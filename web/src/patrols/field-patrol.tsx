import { Button, Checkbox, Empty, Form, Input, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api.ts';
import { FieldSection } from '../field/field-section.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { PatrolFacts } from './patrol-summary.tsx';
import { usePatrolTrack } from './use-patrol-track.ts';

/** Ending a patrol: tick the grids passed (the cases' grids are added by the server), a note if wanted. */
function EndPatrol({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const patrol = useApi('/api/patrols/{id}', { params: { path: { id } } });
  const grids = useApi('/api/patrols/grids');
  const { busy, run } = useBusyAction();
  usePatrolTrack(patrol.data);
  if (!patrol.data || !grids.data) return <Spin />;
  if (patrol.data.endedAt) return <PatrolFacts patrol={patrol.data} />;

  const end = (v: { grids?: string[]; note?: string }) =>
    run(async () => {
      await api.POST('/api/patrols/{id}/end', { params: { path: { id } }, body: { grids: v.grids ?? [], note: v.note } });
      navigate(`/m/patrol?id=${id}`, { replace: true });
    });

  return (
    <FieldSection title={t('patrols.endTitle')} testId="patrol-end-form">
      <PatrolFacts patrol={patrol.data} />
      <Form layout="vertical" onFinish={end} initialValues={{ grids: grids.data.items.length === 1 ? [grids.data.items[0].code] : [] }}>
        <Form.Item name="grids" label={t('patrols.gridsPassed')} extra={t('patrols.gridsHint')}>
          <Checkbox.Group className="patrol-grids" options={grids.data.items.map((g) => ({ value: g.code, label: g.name }))} />
        </Form.Item>
        <Form.Item name="note" label={t('patrols.note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="patrol-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="patrol-end-submit">
          {t('patrols.end')}
        </Button>
      </Form>
    </FieldSection>
  );
}

/** One patrol's summary, or my recent patrols. */
function MyPatrols({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const one = useApi('/api/patrols/{id}', id ? { params: { path: { id } } } : null);
  const mine = useApi(id ? null : '/api/patrols', { params: { query: { mine: true, limit: 10 } } });
  if (id)
    return one.data ? (
      <FieldSection title={one.data.endedAt ? t('patrols.ended') : t('patrols.summary')} testId="patrol-done">
        <PatrolFacts patrol={one.data} />
      </FieldSection>
    ) : (
      <Spin />
    );
  if (!mine.data) return <Spin />;
  if (mine.data.items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('patrols.none')} />;
  return (
    <>
      {mine.data.items.map((p) => (
        <FieldSection key={p.id} title={new Date(p.startedAt).toLocaleDateString()} testId="patrol-item">
          <PatrolFacts patrol={p} />
        </FieldSection>
      ))}
    </>
  );
}

/** 巡查 (/m/patrol): end the patrol under way (?end=), see one patrol's summary (?id=), or my recent ones. */
export function FieldPatrol() {
  const [params] = useSearchParams();
  const end = params.get('end');
  return <div className="field-home">{end ? <EndPatrol id={end} /> : <MyPatrols id={params.get('id')} />}</div>;
}
