import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  DISPUTE_TIERS,
  FOLLOW_UP_OUTCOMES,
  MEDIATION_METHODS,
  PERFORMANCES,
  REFERRAL_TARGETS,
  SESSION_RESULTS,
} from '../../../shared/disputes.ts';
import type { BodyOf, DisputeDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { useBusyAction } from '../use-busy-action.ts';

type Step = BodyOf<'/api/disputes/{id}/steps', 'post'>['step'];
type Values = {
  heldOn?: Dayjs;
  followUpOn?: Dayjs;
  mediator?: string;
  present?: number[];
  result?: BodyOf<'/api/disputes/{id}/steps', 'post'>['result'];
  note?: string;
  agreement?: string;
  reason?: string;
  to?: BodyOf<'/api/disputes/{id}/steps', 'post'>['to'];
  place?: string;
  method?: BodyOf<'/api/disputes/{id}/steps', 'post'>['method'];
  toTier?: BodyOf<'/api/disputes/{id}/steps', 'post'>['toTier'];
  performance?: BodyOf<'/api/disputes/{id}/steps', 'post'>['performance'];
  outcome?: BodyOf<'/api/disputes/{id}/steps', 'post'>['outcome'];
};

/** One mediation step as a dialog asking exactly what the server requires for it (disputes.core.ts applyStep). */
export function StepDialog({
  dispute,
  step,
  onClose,
  onDone,
}: {
  dispute: DisputeDetail;
  step: Step | null;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useBusyAction();
  const day = (d?: Dayjs) => d?.format('YYYY-MM-DD');
  const submit = (v: Values) =>
    run(async () => {
      await api.POST('/api/disputes/{id}/steps', {
        params: { path: { id: dispute.id } },
        body: { ...v, heldOn: day(v.heldOn), followUpOn: day(v.followUpOn), version: dispute.version, step: step! },
      });
      void message.success(t(`disputes.steps.${step}Done`));
      form.resetFields();
      onDone();
    });
  const required = [{ required: true, whitespace: true }];
  const performance = Form.useWatch('performance', form);
  const outcome = Form.useWatch('outcome', form);
  return (
    <Modal
      open={step !== null}
      title={step && t(`disputes.steps.${step}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'step-ok' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ present: dispute.parties.map((p) => p.seq), result: 'failed', outcome: 'close', method: 'people' }}
      >
        {step === 'accept' && <p>{t('disputes.acceptHint', { tier: t(`disputes.tiers.${dispute.tier}`) })}</p>}
        {step === 'session' && (
          <>
            <Form.Item name="heldOn" label={t('disputes.heldOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="place" label={t('disputes.sessionPlace')}>
              <Input maxLength={120} data-testid="step-place" />
            </Form.Item>
            <Form.Item name="method" label={t('disputes.method')} rules={[{ required: true }]}>
              <Select options={MEDIATION_METHODS.map((m) => ({ value: m, label: t(`disputes.methods.${m}`) }))} />
            </Form.Item>
            <Form.Item name="mediator" label={t('disputes.mediator')} rules={required}>
              <Input maxLength={50} data-testid="step-mediator" />
            </Form.Item>
            <Form.Item name="present" label={t('disputes.present')}>
              <Select mode="multiple" options={dispute.parties.map((p) => ({ value: p.seq, label: p.name ?? p.key }))} />
            </Form.Item>
            <Form.Item name="result" label={t('disputes.result')} rules={[{ required: true }]}>
              <Select options={SESSION_RESULTS.map((r) => ({ value: r, label: t(`disputes.results.${r}`) }))} />
            </Form.Item>
            <Form.Item name="note" label={t('disputes.note')}>
              <Input.TextArea maxLength={1000} rows={2} />
            </Form.Item>
          </>
        )}
        {step === 'resolve' && (
          <>
            <Form.Item name="agreement" label={t('disputes.agreement')} rules={required}>
              <Input.TextArea maxLength={1000} rows={3} data-testid="step-agreement" />
            </Form.Item>
            <Form.Item name="followUpOn" label={t('disputes.followUpOn')} extra={t('disputes.followUpOnHint')}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        {step === 'follow_up' && (
          <>
            <Form.Item name="performance" label={t('disputes.performance')} rules={[{ required: true }]}>
              <Select
                data-testid="step-performance"
                options={PERFORMANCES.map((p) => ({ value: p, label: t(`disputes.performances.${p}`) }))}
                onChange={(p) => p === 'full' && form.setFieldValue('outcome', 'close')}
              />
            </Form.Item>
            <Form.Item name="outcome" label={t('disputes.outcome')} rules={[{ required: true }]}>
              <Select
                data-testid="step-outcome"
                options={FOLLOW_UP_OUTCOMES.map((o) => ({
                  value: o,
                  label: t(`disputes.outcomes.${o}`),
                  disabled: performance === 'full' && o !== 'close',
                }))}
              />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('disputes.followUpNote')}
              rules={outcome && outcome !== 'close' ? required : []}
              dependencies={['outcome']}
            >
              <Input.TextArea maxLength={1000} rows={2} data-testid="step-follow-up-note" />
            </Form.Item>
          </>
        )}
        {(step === 'escalate' || step === 'refer') && (
          <>
            {step === 'escalate' && DISPUTE_TIERS.indexOf(dispute.tier) < DISPUTE_TIERS.length - 2 && (
              <Form.Item name="toTier" label={t('disputes.toTier')} extra={t('disputes.toTierHint')}>
                <Select
                  allowClear
                  options={DISPUTE_TIERS.slice(DISPUTE_TIERS.indexOf(dispute.tier) + 1).map((x) => ({
                    value: x,
                    label: t(`disputes.tiers.${x}`),
                  }))}
                />
              </Form.Item>
            )}
            {step === 'refer' && (
              <Form.Item name="to" label={t('disputes.referTo')} rules={[{ required: true }]}>
                <Select options={REFERRAL_TARGETS.map((r) => ({ value: r, label: t(`disputes.referrals.${r}`) }))} />
              </Form.Item>
            )}
            <Form.Item name="reason" label={t('disputes.reason')} rules={required}>
              <Input.TextArea maxLength={200} rows={2} data-testid="step-reason" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
