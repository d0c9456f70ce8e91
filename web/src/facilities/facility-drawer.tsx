import { CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilityDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CodeName } from '../code-name.tsx';
import { RecordCases } from '../events/record-cases.tsx';
import { recordDescriber } from '../orgs/record-describer.ts';
import { useCodes } from '../orgs/use-codes.ts';
import { PersonHistory } from '../people/person-history.tsx';
import { VerifiedLine } from '../people/verified-line.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { FacilityForm } from './facility-form.tsx';

/** One component: its facts, who verified it, edit and verify, and its history. */
export function FacilityDrawer({ code, onClose, onChanged }: { code: string | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const codes = useCodes();
  const { data, loading, reload } = useApi('/api/registry/facilities/{code}', code ? { params: { path: { code } } } : null);
  const [editing, setEditing] = useState(false);
  const { busy, run } = useBusyAction();
  const f = data && data.code === code ? data : null;

  const changed = () => {
    reload();
    onChanged();
  };
  const verify = (x: FacilityDetail) =>
    run(async () => {
      await api.POST('/api/registry/facilities/{code}/verify', { params: { path: { code: x.code } }, body: { version: x.version } });
      void message.success(t('facilities.verifiedNow'));
      changed();
    });

  return (
    <Drawer
      open={code !== null}
      onClose={onClose}
      width={680}
      title={f ? `${f.name} ${f.code}` : t('facilities.detail')}
      destroyOnHidden
      extra={
        f &&
        can('registry.write') && (
          <Space>
            <Button icon={<CheckCircleOutlined />} loading={busy} onClick={() => verify(f)}>
              {t('facilities.verify')}
            </Button>
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          </Space>
        )
      }
    >
      {!f ? (
        <Spin className="panel-spin" spinning={loading} />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('facilities.code')} span={2}>
              <span className="mono">{f.code}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('facilities.classCode')} span={2}>
              <span className="mono">{f.classCode}</span> {codes.name('facility_major', f.classCode.slice(0, 2))} /{' '}
              {codes.name('facility_class', f.classCode)}
            </Descriptions.Item>
            <Descriptions.Item label={t('facilities.state')}>{codes.name('facility_state', f.state)}</Descriptions.Item>
            <Descriptions.Item label={t('facilities.gridCode')}>
              <CodeName name={f.gridName} code={f.gridCode} testId="record-grid" />
              {f.villageName && <div className="secondary">{f.villageName}</div>}
            </Descriptions.Item>
            <Descriptions.Item label={t('facilities.point')} span={2}>
              <span className="mono">{`${f.lng}, ${f.lat}`}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('facilities.ownerDept')}>{f.ownerDeptName ?? f.ownerDept}</Descriptions.Item>
            <Descriptions.Item label={t('facilities.maintainerDept')}>{f.maintainerDeptName ?? f.maintainerDept ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('facilities.note')} span={2}>
              {f.note ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('facilities.verifiedAt')} span={2}>
              <VerifiedLine at={f.verifiedAt} by={f.verifiedBy} />
            </Descriptions.Item>
          </Descriptions>
          <RecordCases type="facility" recordKey={f.code} />
          <Typography.Title level={5} className="detail-section">
            {t('facilities.history', { n: f.history.length })}
          </Typography.Title>
          <PersonHistory
            history={f.history}
            describe={recordDescriber('facilities', codes, { classCode: 'facility_class', state: 'facility_state' }, [
              'ownerDept',
              'maintainerDept',
            ])}
          />
          <FacilityForm
            open={editing}
            editing={f}
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
