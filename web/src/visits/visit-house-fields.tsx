import { Col, Form, type FormInstance, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodes } from '../orgs/use-codes.ts';
import type { VisitValues } from './visit-drawer.tsx';

/** The house fields a visit checks: use, rented and the rental grading, prefilled with what is on record. */
export function VisitHouseFields({ form }: { form: FormInstance<VisitValues> }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const rented = Form.useWatch(['house', 'rented'], form);
  const coded = (name: 'use' | 'rentalUse' | 'rentalCategory' | 'rentalLevel', table: Parameters<typeof codes.options>[0]) => (
    <Col xs={24} sm={12}>
      <Form.Item name={['house', name]} label={t(`houses.${name}`)}>
        <Select allowClear={name !== 'use'} options={codes.options(table)} />
      </Form.Item>
    </Col>
  );
  return (
    <Row gutter={12}>
      {coded('use', 'house_use')}
      <Col xs={24} sm={12}>
        <Form.Item name={['house', 'rented']} label={t('houses.rented')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      {rented && coded('rentalUse', 'rental_use')}
      {rented && coded('rentalCategory', 'rental_category')}
      {rented && coded('rentalLevel', 'rental_level')}
    </Row>
  );
}
