import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CodeName } from '../code-name.tsx';
import { MaskedValue } from '../people/masked-value.tsx';
import { RecordDrawer } from '../records/record-drawer.tsx';
import { useApi } from '../use-api.ts';
import { OrgForm } from './org-form.tsx';
import { recordDescriber } from './record-describer.ts';
import { useCodes } from './use-codes.ts';

/** One organisation: its facts (phone masked, revealable), who verified it, edit and verify, and its history. */
export function OrgDrawer({ creditCode, onClose, onChanged }: { creditCode: string | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const codes = useCodes();
  const { data, loading, reload } = useApi(
    '/api/registry/organisations/{creditCode}',
    creditCode ? { params: { path: { creditCode } } } : null,
  );
  const changed = () => {
    reload();
    onChanged();
  };

  return (
    <RecordDrawer
      open={creditCode !== null}
      onClose={onClose}
      record={data && data.creditCode === creditCode ? data : null}
      loading={loading}
      title={(o) => o.name}
      loadingTitle={t('orgs.detail')}
      verify={(o) =>
        api.POST('/api/registry/organisations/{creditCode}/verify', {
          params: { path: { creditCode: o.creditCode } },
          body: { version: o.version },
        })
      }
      editForm={(o, dialog) => <OrgForm {...dialog} editing={o} />}
      onChanged={changed}
      cases={(o) => ({ type: 'organisation', key: o.creditCode })}
      describe={recordDescriber('orgs', codes, { orgType: 'org_type', hazards: 'org_hazard' })}
      facts={(org) => (
        <>
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
        </>
      )}
    />
  );
}
