import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { CodeName } from '../code-name.tsx';
import { recordDescriber } from '../orgs/record-describer.ts';
import { useCodes } from '../orgs/use-codes.ts';
import { RecordDrawer } from '../records/record-drawer.tsx';
import { useApi } from '../use-api.ts';
import { FacilityForm } from './facility-form.tsx';

/** One component: its facts, who verified it, edit and verify, and its history. */
export function FacilityDrawer({ code, onClose, onChanged }: { code: string | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const { data, loading, reload } = useApi('/api/registry/facilities/{code}', code ? { params: { path: { code } } } : null);
  const changed = () => {
    reload();
    onChanged();
  };

  return (
    <RecordDrawer
      open={code !== null}
      onClose={onClose}
      record={data && data.code === code ? data : null}
      loading={loading}
      title={(f) => `${f.name} ${f.code}`}
      loadingTitle={t('facilities.detail')}
      width={680}
      verify={(f) =>
        api.POST('/api/registry/facilities/{code}/verify', { params: { path: { code: f.code } }, body: { version: f.version } })
      }
      editForm={(f, dialog) => <FacilityForm {...dialog} editing={f} />}
      onChanged={changed}
      cases={(f) => ({ type: 'facility', key: f.code })}
      describe={recordDescriber('facilities', codes, { classCode: 'facility_class', state: 'facility_state' }, [
        'ownerDept',
        'maintainerDept',
      ])}
      facts={(f) => (
        <>
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
        </>
      )}
    />
  );
}
