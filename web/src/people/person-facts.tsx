import { Descriptions } from 'antd';
import type { TFunction } from 'i18next';
import type { PersonDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { CodeName } from '../code-name.tsx';
import { MaskedValue } from './masked-value.tsx';
import { codeName } from './person-codes.ts';
import { PersonTagList } from './person-tags.tsx';

const RESIDENT_ID_CARD = '111';
const FLOATING = '02';
const FOREIGNER = '03';

/**
 * The fields of one person record, as the record drawer's `Descriptions.Item`s; the document number and phone
 * masked, revealable when `unmask`. Beside the common block, each kind of person's own (GB/T 31000): a floating
 * person's permit, a left-behind type, and for a person from abroad the nationality, foreign name, purpose and dates
 * of the stay.
 */
export function personFacts(person: PersonDetail, t: TFunction, unmask: boolean) {
  const tags = person.tags;
  const reveal = (field: 'idNumber' | 'phone') => (reason: string) =>
    api.POST('/api/registry/people/{id}/reveal', { params: { path: { id: person.id } }, body: { field, reason } });
  const numberLabel = t(person.idType === RESIDENT_ID_CARD ? 'people.idNumber' : 'people.documentNumber');
  const foreigner = person.residentType === FOREIGNER;
  const floating = person.residentType === FLOATING;
  // The kind of person's own block, as [field, value shown]; the last one fills its row.
  const own: [string, string | null][] = [];
  if (foreigner) {
    own.push(
      ['nationality', codeName('nationality', person.nationality)],
      ['foreignName', person.foreignName],
      ['visitPurpose', codeName('visitPurpose', person.visitPurpose)],
      ['arrivalDate', person.arrivalDate],
      ['departureDate', person.departureDate],
    );
  } else {
    if (floating || person.inflowReason) own.push(['inflowReason', codeName('inflowReason', person.inflowReason)]);
    if (floating || person.permitType)
      own.push(['permitType', codeName('permitType', person.permitType)], ['permitExpiry', person.permitExpiry]);
    if (person.leftBehindType) own.push(['leftBehindType', codeName('leftBehindType', person.leftBehindType)]);
  }

  return (
    <>
      <Descriptions.Item label={t('people.name')}>{person.name}</Descriptions.Item>
      <Descriptions.Item label={t('people.sex')}>{codeName('sex', person.sex)}</Descriptions.Item>
      <Descriptions.Item label={t('people.birthDate')}>{person.birthDate}</Descriptions.Item>
      <Descriptions.Item label={t('people.ethnicity')}>{codeName('ethnicity', person.ethnicity) || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('people.idType')}>{codeName('idType', person.idType)}</Descriptions.Item>
      <Descriptions.Item label={t('people.residentType')}>{codeName('residentType', person.residentType)}</Descriptions.Item>
      <Descriptions.Item label={numberLabel} span={2}>
        <MaskedValue reveal={reveal('idNumber')} field="idNumber" label={numberLabel} masked={person.idNumber} canReveal={unmask} />
      </Descriptions.Item>
      <Descriptions.Item label={t('people.phone')} span={2}>
        <MaskedValue reveal={reveal('phone')} field="phone" label={t('people.phone')} masked={person.phone} canReveal={unmask} />
      </Descriptions.Item>
      <Descriptions.Item label={t('people.gridCode')} span={foreigner ? 2 : 1}>
        <CodeName name={person.gridName} code={person.gridCode} testId="record-grid" />
        {person.villageName && <div className="secondary">{person.villageName}</div>}
      </Descriptions.Item>
      {!foreigner && [
        <Descriptions.Item key="hukouRegion" label={t('people.hukouRegion')}>
          <CodeName name={person.hukouRegionName} code={person.hukouRegion} />
        </Descriptions.Item>,
        <Descriptions.Item key="hukouAddress" label={t('people.hukouAddress')} span={2}>
          {person.hukouAddress ?? '—'}
        </Descriptions.Item>,
      ]}
      {own.map(([key, value], i) => (
        <Descriptions.Item key={key} label={t(`people.${key}`)} span={i === own.length - 1 ? 'filled' : 1}>
          {value || '—'}
        </Descriptions.Item>
      ))}
      {tags && (
        <Descriptions.Item label={t('people.tags')} span={2}>
          {tags.specialGroups.length + tags.keyPersonTags.length > 0 ? <PersonTagList tags={tags} /> : t('common.none')}
        </Descriptions.Item>
      )}
    </>
  );
}
