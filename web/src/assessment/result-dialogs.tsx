import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT, NOTE_MAX } from '../../../shared/limits.ts';
import type { AssessmentResult, AssessmentRun } from '../api/replies.ts';
import { api } from '../api.ts';
import { useBusyAction } from '../use-busy-action.ts';

/** 调整分数: points added or taken away, with the reason the server requires. */
export function AdjustDialog({ result, onClose, onSaved }: { result: AssessmentResult | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { busy, run } = useBusyAction();
  const [form] = Form.useForm<{ points: number; reason: string }>();
  const save = (v: { points: number; reason: string }) =>
    run(async () => {
      await api.POST('/api/assessment/results/{id}/adjustment', {
        params: { path: { id: result!.id } },
        body: { points: v.points, reason: v.reason, version: result!.version },
      });
      void message.success(t('assessment.results.adjusted_ok'));
      onSaved();
    });
  return (
    <Modal
      open={result !== null}
      title={result ? `${t('assessment.results.adjust')} · ${result.assesseeName}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'adjust-save' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ points: result?.adjustment ?? 0, reason: result?.adjustReason ?? '' }}
      >
        <Form.Item name="points" label={t('assessment.results.points')} rules={[{ required: true }]}>
          <InputNumber min={-ASSESSMENT.adjustMax} max={ASSESSMENT.adjustMax} step={0.5} precision={2} data-testid="adjust-points" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('assessment.results.reason')}
          rules={[{ required: true, whitespace: true, message: t('assessment.results.reasonRule') }]}
        >
          <Input.TextArea maxLength={NOTE_MAX} rows={3} data-testid="adjust-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 人工录入: an assessor's spot check or survey score for a manual item of the scheme. */
export function EntryDialog({
  result,
  run: month,
  onClose,
  onSaved,
}: {
  result: AssessmentResult | null;
  run: AssessmentRun;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { busy, run } = useBusyAction();
  const [form] = Form.useForm<{ item: string; value: number; note: string }>();
  const manual = month.scheme.items.filter((i) => i.source === 'manual');
  const save = (v: { item: string; value: number; note: string }) =>
    run(async () => {
      await api.POST('/api/assessment/results/{id}/entries', {
        params: { path: { id: result!.id } },
        body: { ...v, version: result!.version },
      });
      void message.success(t('assessment.results.entered_ok'));
      onSaved();
    });
  return (
    <Modal
      open={result !== null}
      title={result ? `${t('assessment.results.enter')} · ${result.assesseeName}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'entry-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ item: manual[0]?.key }}>
        <Form.Item name="item" label={t('assessment.results.item')} rules={[{ required: true }]}>
          <Select options={manual.map((i) => ({ value: i.key, label: i.name }))} />
        </Form.Item>
        <Form.Item name="value" label={t('assessment.results.value')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} data-testid="entry-value" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('assessment.results.note')}
          rules={[{ required: true, whitespace: true, message: t('assessment.results.noteRule') }]}
        >
          <Input.TextArea maxLength={NOTE_MAX} rows={2} data-testid="entry-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
