import { App, Button, Empty, Form, Input, InputNumber, List, Radio, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TaskFieldType } from '../../../shared/enums.ts';
import { SCREENING_TASK_KINDS } from '../../../shared/enums.ts';
import type { BodyOf, Task } from '../api/replies.ts';
import { ApiError, api } from '../api.ts';
import { PartyPicker, type Picked } from '../disputes/dispute-form.tsx';
import { PhotoPicker } from '../events/photo-picker.tsx';
import { useEntryTimer } from '../field/entry-times.ts';
import { HousePicker, type PickedHouse } from '../people/house-picker.tsx';
import { newIdempotencyKey } from '../report/idempotency-key.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

type Field = Task['fields'][number];
type Subject = { key: string; name: string } | null;
type Answer = BodyOf<'/api/tasks/{id}/entries', 'post'>['values'][string];
type Placed = { name: string | [string, string]; errors: string[] };

/** A field's control at 390 px: records picked from the base data, choices as buttons, dates with the phone's own picker. */
function Control(props: { field: Field; value?: unknown; onChange?(v: unknown): void }) {
  return <div data-testid={`field-task-${props.field.key}`}>{controlOf(props)}</div>;
}

function controlOf({ field, value, onChange }: { field: Field; value?: unknown; onChange?(v: unknown): void }) {
  const type: TaskFieldType = field.type;
  const picked = value as Picked | null;
  switch (type) {
    case 'choice':
      return (
        <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value)} optionType="button" buttonStyle="solid">
          {(field.options ?? []).map((o) => (
            <Radio.Button key={o} value={o}>
              {o}
            </Radio.Button>
          ))}
        </Radio.Group>
      );
    case 'number':
      return (
        <InputNumber size="large" inputMode="decimal" value={value as number} onChange={(v) => onChange?.(v)} className="full-width" />
      );
    case 'date':
      return <Input size="large" type="date" value={(value as string) ?? ''} onChange={(e) => onChange?.(e.target.value)} />;
    case 'photo':
      return <PhotoPicker value={value ? [value as string] : []} onChange={(keys) => onChange?.(keys.at(-1) ?? null)} />;
    case 'house':
      return (
        <HousePicker
          value={picked ? { code: picked.key, address: picked.name } : null}
          onChange={(h: PickedHouse | null) => onChange?.(h && { kind: 'house', key: h.code, name: h.address, detail: h.code })}
        />
      );
    case 'person':
    case 'organisation':
      return <PartyPicker kind={type} value={picked} onPick={(p) => onChange?.(p)} />;
    default:
      return <Input size="large" maxLength={500} value={(value as string) ?? ''} onChange={(e) => onChange?.(e.target.value)} />;
  }
}

/** The house or person an entry is for, picked from the base data (a Form control whose value is its key and name). */
function SubjectPicker({ kind, value, onChange }: { kind: Task['subject']; value?: Subject; onChange?(s: Subject): void }) {
  if (kind === 'house')
    return (
      <HousePicker
        value={value ? { code: value.key, address: value.name } : null}
        onChange={(h) => onChange?.(h && { key: h.code, name: h.address })}
      />
    );
  return (
    <PartyPicker
      kind="person"
      value={value ? { kind: 'person', key: value.key, name: value.name, detail: '' } : null}
      onPick={(p) => onChange?.(p && { key: p.key, name: p.name })}
    />
  );
}

/** What the server takes for a field: a picked record by its key, other answers as they are. */
const answer = (f: Field, v: unknown): Answer =>
  (f.type === 'person' || f.type === 'house' || f.type === 'organisation') && v ? { key: (v as Picked).key } : ((v as Answer) ?? null);

/** For a screening: the residents' declarations at my grid's QR points waiting for me, one tap away. */
function PendingDeclarations({ task }: { task: Task }) {
  const { t } = useTranslation();
  const screening = (SCREENING_TASK_KINDS as readonly string[]).includes(task.kind);
  const pending = useApi(
    '/api/tasks/{id}/declarations',
    screening ? { params: { path: { id: task.id }, query: { status: 'pending', limit: 1 } } } : null,
  );
  if (!screening || !pending.data) return null;
  return (
    <Link to={`/m/declarations?task=${task.id}`} data-testid="field-task-declarations">
      <Button block size="large">
        {t('declare.review.open', { n: pending.data.total })}
      </Button>
    </Link>
  );
}

/** 填报 on a phone: pick the house or person from the base data, answer the form, submit; my entries below. */
export function FieldTask() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const id = params.get('id') ?? '';
  const task = useApi('/api/tasks/{id}', id ? { params: { path: { id } } } : null);
  const progress = useApi('/api/tasks/{id}/progress', id ? { params: { path: { id } } } : null);
  const entries = useApi('/api/tasks/{id}/entries', id ? { params: { path: { id } } } : null);
  const [form] = Form.useForm<{ subject: Subject; values: Record<string, unknown> }>();
  const { busy, run } = useBusyAction();
  const timed = useEntryTimer('task_entry');
  if (task.loading && !task.data) return <Spin />;
  const tk = task.data;
  if (!tk) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const mine = progress.data?.items ?? [];
  const [filled, total] = [mine.reduce((n, g) => n + g.filled, 0), mine.reduce((n, g) => n + g.total, 0)];

  const submit = (v: { subject: Subject; values?: Record<string, unknown> }) =>
    run(async () => {
      const subject = v.subject;
      if (!subject) return;
      const values = Object.fromEntries(tk.fields.map((f) => [f.key, answer(f, v.values?.[f.key])]));
      try {
        await api.POST('/api/tasks/{id}/entries', { params: { path: { id } }, body: { subject: subject.key, values } });
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 400 && err.body.code !== 'request.invalid')) throw err;
        const label = (field: string) => t(`tasks.reasons.${field}`, { defaultValue: field });
        form.setFields(
          err.body.details.flatMap((d): Placed[] => {
            if (d.field === 'body.subject') return [{ name: 'subject', errors: [err.body.message] }];
            const key = d.field.startsWith('body.values.') ? d.field.slice('body.values.'.length) : null;
            return key && tk.fields.some((f) => f.key === key) ? [{ name: ['values', key], errors: [label(d.reason)] }] : [];
          }),
        );
        return;
      }
      timed(newIdempotencyKey());
      void message.success(t('tasks.field.saved', { name: subject.name }));
      form.resetFields();
      progress.reload();
      entries.reload();
    });

  return (
    <div className="field-home" data-testid="field-task-form">
      <div className="field-hello">
        <div className="field-name">{tk.title}</div>
        <div className="secondary">
          {t('tasks.field.due', { date: tk.deadline })}
          {tk.subsidy > 0 && ` · ${t('tasks.field.subsidy', { n: tk.subsidy })}`}
        </div>
        {progress.data && (
          <div className="secondary" data-testid="field-task-progress">
            {t('tasks.field.progress', { filled, total })}
          </div>
        )}
      </div>
      {tk.description && <div>{tk.description}</div>}
      <PendingDeclarations task={tk} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={!tk.abilities.fill}>
        <Form.Item
          name="subject"
          label={t(`tasks.subjects.${tk.subject}`)}
          rules={[{ required: true, message: t('tasks.reasons.required') }]}
        >
          <SubjectPicker kind={tk.subject} />
        </Form.Item>
        {tk.fields.map((f) => (
          <Form.Item
            key={f.key}
            name={['values', f.key]}
            label={f.label}
            rules={f.required ? [{ required: true, message: t('tasks.reasons.required') }] : []}
          >
            <Control field={f} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="field-task-submit">
          {t('tasks.field.save')}
        </Button>
        <div className="secondary">{t('tasks.field.again')}</div>
      </Form>
      <List
        header={t('tasks.field.mine')}
        size="small"
        dataSource={entries.data?.items ?? []}
        renderItem={(e) => (
          <List.Item data-testid="field-task-entry">
            <span>{e.subjectName}</span>
            <span className="secondary">{new Date(e.filledAt).toLocaleString(i18n.language)}</span>
          </List.Item>
        )}
      />
    </div>
  );
}
