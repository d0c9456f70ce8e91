import { Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { REASON } from '../../../shared/limits.ts';
import type { FollowUp } from '../api/replies.ts';
import { api } from '../api.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

interface Values {
  followerId?: string;
  reason: string;
}

/**
 * 指定随访人 (or, with `unassign`, 恢复网格随访): the follower picked by name from the grid teams of the caller's
 * village or township, and the reason, both required as the server requires them.
 */
export function AssignDialog({
  followUp: f,
  unassign,
  open,
  onClose,
  onSaved,
}: {
  followUp: FollowUp;
  unassign: boolean;
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useBusyAction();
  const followers = useApi(
    '/api/fieldwork/follow-ups/{personId}/followers',
    open && !unassign ? { params: { path: { personId: f.personId } } } : null,
  );
  const submit = (v: Values) =>
    run(async () => {
      const path = { personId: f.personId };
      if (unassign)
        await api.DELETE('/api/fieldwork/follow-ups/{personId}/assignment', {
          params: { path },
          body: { reason: v.reason, version: f.assignmentVersion },
        });
      else
        await api.PUT('/api/fieldwork/follow-ups/{personId}/assignment', {
          params: { path },
          body: { followerId: v.followerId ?? '', reason: v.reason, version: f.assignmentVersion },
        });
      onSaved();
    });
  const reasonRule = { required: true, whitespace: true, min: REASON.min, max: REASON.max, message: t('followUps.assign.reasonRule') };
  return (
    <Modal
      open={open}
      title={t(unassign ? 'followUps.assign.unassignTitle' : 'followUps.assign.title', { name: f.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'assign-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(unassign ? 'followUps.assign.unassignHint' : 'followUps.assign.assignHint')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        {!unassign && (
          <Form.Item
            name="followerId"
            label={t('followUps.assign.pick')}
            extra={t('followUps.assign.pickHint')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch
              optionFilterProp="search"
              loading={followers.loading}
              data-testid="assign-follower"
              options={(followers.data?.items ?? []).map((a) => ({
                value: a.id,
                search: `${a.name} ${a.areas.map((x) => x.name ?? x.code).join(' ')}`,
                label: (
                  <span>
                    {a.name} <span className="secondary">{a.areas.map((x) => x.name ?? x.code).join(t('common.listSep'))}</span>{' '}
                    {a.ofPersonGrid && <Tag>{t('followUps.assign.ofPersonGrid')}</Tag>}
                  </span>
                ),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('followUps.assign.reasonLabel')} rules={[reasonRule]}>
          <Input.TextArea
            rows={3}
            maxLength={REASON.max}
            showCount
            placeholder={t('followUps.assign.reasonPlaceholder')}
            data-testid="assign-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
