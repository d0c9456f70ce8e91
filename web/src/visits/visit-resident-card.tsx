import { Form, Input, Segmented, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitForm } from '../api/replies.ts';
import { codeName } from '../people/person-codes.ts';

/** One resident on the visit form: who (masked), still here or moved out, and a new phone if it changed. */
export function VisitResidentCard({ index, resident: r }: { index: number; resident: VisitForm['residents'][number] }) {
  const { t } = useTranslation();
  const status = Form.useWatch(['residents', index, 'status'], Form.useFormInstance());
  return (
    <div className={status === 'movedOut' ? 'visit-resident visit-resident-gone' : 'visit-resident'} data-testid="visit-resident">
      <div className="visit-resident-head">
        <span className="visit-resident-name">{r.name}</span>
        {r.relation && <Tag>{codeName('relation', r.relation)}</Tag>}
        <Tag color={r.residentType === '02' ? 'orange' : undefined}>{codeName('residentType', r.residentType)}</Tag>
      </div>
      <div className="visit-resident-ids mono">
        <span>{r.idNumber}</span>
        <span>{r.phone ?? '—'}</span>
        <span>
          {t('buildings.movedIn')} {r.movedIn}
        </span>
      </div>
      <Form.Item name={[index, 'status']} className="visit-resident-status">
        <Segmented
          block
          options={[
            { value: 'present', label: t('visits.present') },
            { value: 'movedOut', label: t('visits.movedOut') },
          ]}
        />
      </Form.Item>
      <Form.Item name={[index, 'phone']} className="visit-resident-phone">
        <Input inputMode="tel" maxLength={20} placeholder={t('visits.phoneFix')} allowClear />
      </Form.Item>
    </div>
  );
}
