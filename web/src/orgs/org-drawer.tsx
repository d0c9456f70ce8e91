import { CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CodeName } from '../code-name.tsx';
import { RecordCases } from '../events/record-cases.tsx';
import { MaskedValue } from '../people/masked-value.tsx';
import { PersonHistory } from '../people/person-history.tsx';
import { VerifiedLine } from '../people/verified-line.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { OrgForm } from './org-form.tsx';
import { recordDescriber } from './record-describer.ts';
import { useCodes } from './use-codes.ts';

/** One organisation: its facts (phone masked, revealable), who verified it, edit and verify, and its history. */
export function OrgDrawer({ creditCode, onClose, onChanged }: { creditCode: string | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const codes = useCodes();
  const { data, loading, reload } = useApi(
    '/api/registry/organisations/{creditCode}',
    creditCode ? { params: { path: { creditCode } } } : null,
  );
  const [editing, setEditing] = useState(false);
  const { busy, run } = useBusyAction();
  const org = data && data.creditCode === creditCode ? data : null;

  const changed = () => {
    reload();
    onChanged();
  };
  const verify = (o: OrganisationDetail) =>
    run(async () => {
      await api.POST('/api/registry/organisations/{creditCode}/verify', {
        params: { path: { creditCode: o.creditCode } },
        body: { version: o.version },
      });
      void message.success(t('orgs.verifiedNow'));
      changed();
    });

  return (
    <Drawer
      open={creditCode !== null}
      onClose={onClose}
      width={720}
      title={org?.name ?? t('orgs.detail')}
      destroyOnHidden
      extra={
        org &&
        can('registry.write') && (
          <Space>
            <Button icon={<CheckCircleOutlined />} loading={busy} onClick={() => verify(org)}>
              {t('orgs.verify')}
            </Button>
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          </Space>
        )
      }
    >
      {!org ? (
        <Spin className="panel-spin" spinning={loading} />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('orgs.creditCode')} span={2}>
              <span className="mono">{org.creditCode}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('orgs.orgType')}>{codes.name('org_type', org.orgType)}</Descriptions.Item>
            <Descriptions.Item label={t('orgs.gridCode')}>
              <CodeName name={org.gridName} code={org.gridCode} testId="record-grid" />
              {org.villageName && <div className="secondary">{org.villageName}</div>}
            </Descriptions.Item>
            <Descriptions.Item label={t('orgs.address')} span={2}>
              {org.address}
            </Descriptions.Item>
            <Descriptions.Item label={t('orgs.legalRep')}>{org.legalRep ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('orgs.safetyContact')}>{org.safetyContact ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('orgs.safetyContactPhone')} span={2}>
              <MaskedValue
                reveal={(reason) =>
                  api.POST('/api/registry/organisations/{creditCode}/reveal', {
                    params: { path: { creditCode: org.creditCode } },
                    body: { field: 'safetyContactPhone', reason },
                  })
                }
                field="safetyContactPhone"
                label={t('orgs.safetyContactPhone')}
                masked={org.safetyContactPhone}
                canReveal={can('registry.unmask')}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('orgs.hazards')} span={2}>
              {org.hazards.length
                ? org.hazards.map((h) => (
                    <Tag key={h} color={h === '00' ? 'default' : 'orange'}>
                      {codes.name('org_hazard', h)}
                    </Tag>
                  ))
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('orgs.point')} span={2}>
              <span className="mono">{org.lng !== null && org.lat !== null ? `${org.lng}, ${org.lat}` : '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('orgs.verifiedAt')} span={2}>
              <VerifiedLine at={org.verifiedAt} by={org.verifiedBy} />
            </Descriptions.Item>
          </Descriptions>
          <RecordCases type="organisation" recordKey={org.creditCode} />
          <Typography.Title level={5} className="detail-section">
            {t('orgs.history', { n: org.history.length })}
          </Typography.Title>
          <PersonHistory history={org.history} describe={recordDescriber('orgs', codes, { orgType: 'org_type', hazards: 'org_hazard' })} />
          <OrgForm
            open={editing}
            editing={org}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              void message.success(t('common.saved'));
              changed();
            }}
          />
        </>
      )}
    </Drawer>
  );
}
