import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Form, Input, InputNumber, Popconfirm, Radio, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_NOTE_MAX, CALENDAR_YEARS } from '../../../shared/limits.ts';
import type { CalendarDay } from '../api/replies.ts';
import { api } from '../api.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { CalendarYears } from './calendar-years.tsx';

interface NewOverride {
  day: string;
  kind: 'workday' | 'holiday';
  note?: string;
}

/** 工作日调整: days the administrator made working days or days off; every deadline counts on them. */
export function CalendarOverrides() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { busy, run } = useBusyAction();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const { data, loading, reload } = useApi('/api/calendar/days', { params: { query: { year } } });
  const [form] = Form.useForm<NewOverride>();
  const kindTag = (kind: string) => <Tag color={kind === 'workday' ? 'blue' : 'green'}>{t(`calendar.${kind}`)}</Tag>;

  const add = (values: NewOverride) =>
    run(async () => {
      await api.PUT('/api/calendar/days/{day}', {
        params: { path: { day: values.day } },
        body: { kind: values.kind, ...(values.note ? { note: values.note } : {}) },
      });
      void message.success(t('calendar.saved', { day: values.day }));
      form.resetFields();
      reload();
    });
  const remove = (day: string) =>
    run(async () => {
      await api.DELETE('/api/calendar/days/{day}', { params: { path: { day } } });
      void message.success(t('calendar.removed', { day }));
      reload();
    });

  return (
    <Space direction="vertical" className="full-width">
      <CalendarYears />
      <Divider orientation="left">{t('calendar.overridesTitle')}</Divider>
      <Alert type="info" showIcon message={t('calendar.hint')} />
      <Form form={form} layout="inline" initialValues={{ kind: 'holiday' }} onFinish={(v) => void add(v)}>
        <Form.Item name="day" label={t('calendar.day')} rules={[{ required: true, message: t('calendar.dayRule') }]}>
          <Input type="date" data-testid="calendar-day" />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')}>
          <Radio.Group
            options={[
              { value: 'holiday', label: t('calendar.holiday') },
              { value: 'workday', label: t('calendar.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('calendar.note')}>
          <Input maxLength={CALENDAR_NOTE_MAX} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy}>
          {t('calendar.add')}
        </Button>
      </Form>
      <Space>
        {t('calendar.year')}
        <InputNumber min={CALENDAR_YEARS.min} max={CALENDAR_YEARS.max} precision={0} value={year} onChange={(y) => y && setYear(y)} />
      </Space>
      <Table<CalendarDay>
        rowKey="day"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('calendar.empty') }}
        pagination={false}
        columns={[
          { title: t('calendar.day'), dataIndex: 'day', render: (d: string) => <span className="mono">{d}</span> },
          { title: t('calendar.official'), dataIndex: 'official', render: kindTag },
          { title: t('calendar.kind'), dataIndex: 'kind', render: kindTag },
          { title: t('calendar.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          { title: t('calendar.updatedBy'), dataIndex: 'updatedBy' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, o: CalendarDay) => (
              <Popconfirm title={t('calendar.remove')} onConfirm={() => void remove(o.day)}>
                <a>{t('calendar.remove')}</a>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Space>
  );
}
