import { Form, Input, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { codeOptions, type PersonCodeTable } from './person-codes.ts';

export const RESIDENT_ID_CARD = '111';
export const REGISTERED = '01';
export const FLOATING = '02';
export const FOREIGNER = '03';
/** Today in the browser's calendar, YYYY-MM-DD: the latest day a past date may be. */
export const localToday = () => new Date().toLocaleDateString('sv-SE');

/** A select of one code table, named as the server names the field so a refusal lands beside it. */
export function CodeSelect({
  name,
  table,
  rules = [],
  without,
}: {
  name: string;
  table: PersonCodeTable;
  rules?: Rule[];
  without?: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={t(`people.${name}`)} rules={rules}>
      <Select
        showSearch
        optionFilterProp="label"
        allowClear={rules.length === 0}
        options={codeOptions(table, without)}
        data-testid={`person-${name}`}
      />
    </Form.Item>
  );
}

/** A date box; `past` keeps it to today or before. */
export function DateField({ name, past = false }: { name: string; past?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={t(`people.${name}`)}>
      <Input type="date" max={past ? localToday() : undefined} data-testid={`person-${name}`} />
    </Form.Item>
  );
}

/**
 * The block of each kind of person (GB/T 31000): a person from abroad's nationality, foreign name, purpose and dates of
 * the stay; a floating person's residence permit; a registered resident's left-behind type. A Hong Kong, Macao or
 * Taiwan resident's permit may carry their region as nationality. What combination is valid is the person template's
 * to say; the form only shows what belongs to the kind chosen.
 */
export function PersonKindFields({ residentType, idCard }: { residentType: string | undefined; idCard: boolean }) {
  const { t } = useTranslation();
  if (residentType === FOREIGNER) {
    return (
      <>
        <CodeSelect
          name="nationality"
          table="nationality"
          rules={[{ required: true, message: t('personForm.required') }]}
          without={['CHN']}
        />
        <Form.Item name="foreignName" label={t('people.foreignName')}>
          <Input maxLength={50} autoComplete="off" data-testid="person-foreignName" />
        </Form.Item>
        <CodeSelect name="visitPurpose" table="visitPurpose" />
        <DateField name="arrivalDate" past />
        <DateField name="departureDate" />
      </>
    );
  }
  const nationality = idCard ? null : <CodeSelect name="nationality" table="nationality" />;
  if (residentType === FLOATING) {
    return (
      <>
        {nationality}
        <CodeSelect name="permitType" table="permitType" />
        <DateField name="permitExpiry" />
      </>
    );
  }
  return (
    <>
      {nationality}
      {residentType === REGISTERED && <CodeSelect name="leftBehindType" table="leftBehindType" />}
    </>
  );
}
