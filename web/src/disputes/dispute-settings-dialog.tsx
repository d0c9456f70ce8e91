import { App, Form, InputNumber, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DISPUTE_TIERS, FOLLOW_UP_DAYS_MAX, MEDIATION_DAYS_MAX } from '../../../shared/disputes.ts';
import type { DisputeSettings } from '../api/replies.ts';
import { api } from '../api.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

/** 调解期限与回访: the county's working days per tier and the days after an agreement its follow-up falls due. */
export function DisputeSettingsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data } = useApi(open ? '/api/disputes/settings' : null);
  const [form] = Form.useForm<Pick<DisputeSettings, 'mediationDays' | 'followUpDays'>>();
  const { busy, run } = useBusyAction();
  const save = (v: Pick<DisputeSettings, 'mediationDays' | 'followUpDays'>) =>
    run(async () => {
      await api.PUT('/api/disputes/settings', { body: v });
      void message.success(t('disputes.settingsSaved'));
      onClose();
    });
  return (
    <Modal
      open={open && !!data}
      title={t('disputes.settings')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'dispute-settings-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('disputes.settingsHint')}</Typography.Paragraph>
      {data && (
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{ mediationDays: data.mediationDays, followUpDays: data.followUpDays }}
        >
          <Space wrap>
            {DISPUTE_TIERS.map((tier) => (
              <Form.Item
                key={tier}
                name={['mediationDays', tier]}
                label={t('disputes.tierDays', { tier: t(`disputes.tiers.${tier}`) })}
                rules={[{ required: true }]}
              >
                <InputNumber min={1} max={MEDIATION_DAYS_MAX} precision={0} data-testid={`mediation-days-${tier}`} />
              </Form.Item>
            ))}
          </Space>
          <Form.Item name="followUpDays" label={t('disputes.followUpDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={FOLLOW_UP_DAYS_MAX} precision={0} data-testid="follow-up-days" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
