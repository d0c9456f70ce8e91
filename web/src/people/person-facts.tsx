import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import type { PersonDetail } from '../types.ts';
import { MaskedValue } from './masked-value.tsx';
import { codeName } from './person-codes.ts';
import { PersonTagList } from './person-tags.tsx';
import { VerifiedLine } from './verified-line.tsx';

/** The fields of one person record; ID number and phone masked, revealable by roles allowed to. */
export function PersonFacts({ person }: { person: PersonDetail }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const unmask = can('registry.unmask');
  const tags = person.tags;
  const revealPath = `/api/registry/people/${encodeURIComponent(person.id)}/reveal`;

  return (
    <Descriptions column={2} size="small" bordered className="person-facts">
      <Descriptions.Item label={t('people.name')}>{person.name}</Descriptions.Item>
      <Descriptions.Item label={t('people.sex')}>{codeName('sex', person.sex)}</Descriptions.Item>
      <Descriptions.Item label={t('people.birthDate')}>{person.birthDate}</Descriptions.Item>
      <Descriptions.Item label={t('people.ethnicity')}>{codeName('ethnicity', person.ethnicity)}</Descriptions.Item>
      <Descriptions.Item label={t('people.idNumber')} span={2}>
        <MaskedValue revealPath={revealPath} field="idNumber" label={t('people.idNumber')} masked={person.idNumber} canReveal={unmask} />
      </Descriptions.Item>
      <Descriptions.Item label={t('people.phone')} span={2}>
        <MaskedValue revealPath={revealPath} field="phone" label={t('people.phone')} masked={person.phone} canReveal={unmask} />
      </Descriptions.Item>
      <Descriptions.Item label={t('people.residentType')}>{codeName('residentType', person.residentType)}</Descriptions.Item>
      <Descriptions.Item label={t('people.gridCode')}>
        <span className="mono">{person.gridCode}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('people.hukouRegion')}>
        <span className="mono">{person.hukouRegion ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('people.inflowReason')}>{codeName('inflowReason', person.inflowReason) || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('people.hukouAddress')} span={2}>
        {person.hukouAddress ?? '—'}
      </Descriptions.Item>
      {tags && (
        <Descriptions.Item label={t('people.tags')} span={2}>
          {tags.specialGroups.length + tags.keyPersonTags.length > 0 ? <PersonTagList tags={tags} /> : t('common.none')}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('people.verifiedAt')} span={2}>
        <VerifiedLine at={person.verifiedAt} by={person.verifiedBy} />
      </Descriptions.Item>
    </Descriptions>
  );
}
