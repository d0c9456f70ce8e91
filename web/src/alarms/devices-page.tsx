import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaMinute } from '../../../shared/china-time.ts';
import { CodeName } from '../code-name.tsx';
import { useApi } from '../use-api.ts';

/** 感知设备: the cameras and sensors of the centre's counties whose platforms post alarms, with their registered points. */
export function DevicesPage() {
  const { t } = useTranslation();
  const { data, loading } = useApi('/api/alarms/devices');
  return (
    <>
      <Typography.Title level={4}>{t('alarmDevices.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('alarmDevices.intro')}</Typography.Paragraph>
      <Table
        className="alarm-devices"
        rowKey={(d) => `${d.county.code}/${d.deviceId}`}
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('alarmDevices.empty') }}
        columns={[
          { title: t('alarmDevices.name'), key: 'name', render: (_, d) => <CodeName name={d.name} code={d.deviceId} /> },
          { title: t('alarmDevices.kind'), key: 'kind', render: (_, d) => <Tag>{t(`alarmDevices.kinds.${d.kind}`)}</Tag> },
          { title: t('alarmDevices.county'), key: 'county', render: (_, d) => <CodeName name={d.county.name} code={d.county.code} /> },
          {
            title: t('alarmDevices.point'),
            key: 'point',
            render: (_, d) => <span className="mono">{`${d.lng.toFixed(5)}, ${d.lat.toFixed(5)}`}</span>,
          },
          { title: t('alarmDevices.updatedAt'), key: 'updatedAt', render: (_, d) => chinaMinute(new Date(d.updatedAt)) },
        ]}
      />
    </>
  );
}
