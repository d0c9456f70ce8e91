import { App, Button, Descriptions, Drawer, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';
import { useApi } from '../use-api.ts';
import { AssignDialog } from './assign-dialog.tsx';
import { FollowUpFacts } from './follow-up-facts.tsx';

/** Who follows the person up: the named follower with the reason, or the plan's role of their grid team. */
function FollowerFacts({ followUp: f }: { followUp: FollowUp }) {
  const { t } = useTranslation();
  const a = f.assignment;
  return (
    <Descriptions column={1} size="small" bordered data-testid="follow-up-follower">
      <Descriptions.Item label={t('followUps.assign.responsible')}>
        {f.responsible.length ? f.responsible.map((r) => r.name).join(t('common.listSep')) : t('followUps.nobody')}
        {!a && <div className="secondary">{t('followUps.assign.byPlan', { role: t(`followUps.followers.${f.plan.follower}`) })}</div>}
      </Descriptions.Item>
      {a && (
        <>
          <Descriptions.Item label={t('followUps.assign.follower')}>{a.followerName}</Descriptions.Item>
          <Descriptions.Item label={t('followUps.assign.grid')}>
            <CodeName name={a.gridName} code={a.gridCode} />
          </Descriptions.Item>
          <Descriptions.Item label={t('followUps.assign.reason')}>{a.reason}</Descriptions.Item>
          <Descriptions.Item label={t('followUps.assign.by')}>
            {a.assignedByName} <span className="secondary">{new Date(a.assignedAt).toLocaleString()}</span>
          </Descriptions.Item>
        </>
      )}
    </Descriptions>
  );
}

/**
 * 随访详情: a tagged person's follow-up (read audited) and who follows them up; a village or township centre names a
 * follower here, with a reason, or gives the person back to their grid team.
 */
export function FollowUpDrawer({ personId, onClose, onChanged }: { personId: string | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const form = useApi('/api/fieldwork/follow-ups/{personId}', personId ? { params: { path: { personId } } } : null);
  const [dialog, setDialog] = useState<'assign' | 'unassign' | null>(null);
  const f = form.data?.followUp;
  const saved = (words: string) => {
    setDialog(null);
    void message.success(words);
    form.reload();
    onChanged();
  };
  return (
    <Drawer open={personId !== null} onClose={onClose} width={560} title={f ? f.name : t('followUps.details')} destroyOnHidden>
      {!f ? (
        <Spin />
      ) : (
        <>
          <FollowUpFacts followUp={f} address={f.address ?? t('followUps.noHouse')} />
          <Typography.Title level={5} className="detail-section">
            {t('followUps.assign.section')}
          </Typography.Title>
          <FollowerFacts followUp={f} />
          {f.abilities.assign && (
            <Space wrap className="follow-up-actions">
              <Button type="primary" onClick={() => setDialog('assign')} data-testid="follow-up-assign">
                {f.assignment ? t('followUps.assign.change') : t('followUps.assign.button')}
              </Button>
              {f.assignment && (
                <Button onClick={() => setDialog('unassign')} data-testid="follow-up-unassign">
                  {t('followUps.assign.unassign')}
                </Button>
              )}
            </Space>
          )}
          <AssignDialog
            followUp={f}
            unassign={dialog === 'unassign'}
            open={dialog !== null}
            onClose={() => setDialog(null)}
            onSaved={() => saved(dialog === 'unassign' ? t('followUps.assign.removed') : t('followUps.assign.saved'))}
          />
        </>
      )}
    </Drawer>
  );
}
