import { Checkbox, Form, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleChoices } from '../api/replies.ts';
import { LIMIT_UNITS, type LimitField, NO_DEPARTMENT } from './rule-form.ts';

/** Largest value per unit, as the server's schema accepts it. */
const MAXIMA: Record<string, number> = { hours: 70, workingDays: 90, clockHours: 168 };

/** The fields of an item's rule, under `rule` of the surrounding form (values shaped as RuleForm). */
export function RuleFields({ choices }: { choices: RuleChoices }) {
  const { t } = useTranslation();
  return (
    <>
      <Space wrap size="large">
        <Form.Item name={['rule', 'level']} label={t('catalogue.level')} rules={[{ required: true }]}>
          <Select className="catalogue-select" options={choices.levels.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
        </Form.Item>
        <Form.Item name={['rule', 'severity']} label={t('catalogue.severity')} rules={[{ required: true }]}>
          <Select
            className="catalogue-select"
            options={choices.severities.map((s) => ({ value: s, label: t(`catalogue.severityName.${s}`) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name={['rule', 'department']} label={t('catalogue.department')}>
        <Select
          showSearch
          optionFilterProp="label"
          options={[
            { value: NO_DEPARTMENT, label: t('catalogue.departmentNone') },
            ...choices.departmentKinds.map((k) => ({ value: k, label: t(`catalogue.departmentKind.${k}`) })),
          ]}
        />
      </Form.Item>
      <Form.Item label={t('catalogue.limits')} required>
        {choices.stages.map((stage) => (
          <StageLimitRow key={stage} stage={stage} />
        ))}
      </Form.Item>
      <Form.Item label={t('catalogue.closing')}>
        <Space size="large">
          <Form.Item name={['rule', 'closing', 'afterPhoto']} valuePropName="checked" noStyle>
            <Checkbox>{t('catalogue.afterPhoto')}</Checkbox>
          </Form.Item>
          <Form.Item name={['rule', 'closing', 'onSiteCheck']} valuePropName="checked" noStyle>
            <Checkbox>{t('catalogue.onSiteCheck')}</Checkbox>
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item name={['rule', 'fixOnSpot']} label={t('catalogue.fixOnSpot')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name={['rule', 'maxExtensionDays']} label={t('catalogue.maxExtensionDays')} extra={t('catalogue.maxExtensionHint')}>
        <InputNumber min={0} max={30} precision={0} />
      </Form.Item>
    </>
  );
}

/** One stage: a unit ("no limit" first) and, once a unit is chosen, the number. */
function StageLimitRow({ stage }: { stage: string }) {
  const { t } = useTranslation();
  const path = ['rule', 'limits', stage];
  const unit = Form.useWatch<LimitField['unit'] | undefined>([...path, 'unit']);
  return (
    <div className="catalogue-limit" data-testid="stage-limit" data-stage={stage}>
      <span className="catalogue-limit-stage">{t(`eventStage.${stage}`)}</span>
      <Form.Item name={[...path, 'unit']} noStyle>
        <Select
          className="catalogue-limit-unit"
          aria-label={t('catalogue.limitUnit')}
          options={[
            { value: 'none', label: t('catalogue.unit.none') },
            ...LIMIT_UNITS.map((u) => ({ value: u, label: t(`catalogue.unit.${u}`) })),
          ]}
        />
      </Form.Item>
      {unit && unit !== 'none' && (
        <Form.Item
          name={[...path, 'value']}
          noStyle
          rules={[
            { required: true, type: 'number', min: Number.MIN_VALUE, message: t('catalogue.limitRule') },
            ...(unit === 'workingDays'
              ? [
                  {
                    validator: async (_: unknown, v: number) =>
                      Number.isInteger(v) ? undefined : Promise.reject(new Error(t('catalogue.wholeDays'))),
                  },
                ]
              : []),
          ]}
        >
          <InputNumber aria-label={t('catalogue.limitValue')} min={0} max={MAXIMA[unit]} step={unit === 'workingDays' ? 1 : 0.5} />
        </Form.Item>
      )}
    </div>
  );
}
