import { Descriptions, Drawer, List, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentDetail } from '../api/replies.ts';
import { useApi } from '../use-api.ts';
import { DepartmentClaims } from './department-claims.tsx';

interface Props {
  code: string | null;
  manage: boolean;
  onClose(): void;
  onChanged(): void;
}

export function DepartmentDrawer({ code, manage, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const loaded = useApi('/api/org/departments/{code}', code ? { params: { path: { code } } } : null);
  const [detail, setDetail] = useState<DepartmentDetail | null>(null);
  useEffect(() => setDetail(loaded.data), [loaded.data]);

  return (
    <Drawer open={code !== null} onClose={onClose} width={520} title={detail?.name ?? t('departments.detail')} destroyOnHidden>
      {!detail ? (
        <Spin className="panel-spin" spinning={loaded.loading} />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('common.code')}>
              <span className="mono">{detail.code}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('common.name')}>{detail.name}</Descriptions.Item>
            <Descriptions.Item label={t('departments.area')}>
              {detail.areaName} <span className="mono">{detail.areaCode}</span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} className="detail-section">
            {t('departments.claims', { n: detail.claims.length })}
          </Typography.Title>
          <DepartmentClaims
            department={detail}
            manage={manage}
            onChanged={(next) => {
              setDetail(next);
              onChanged();
            }}
          />
          <Typography.Title level={5} className="detail-section">
            {t('departments.staff', { n: detail.staff.length })}
          </Typography.Title>
          <List
            size="small"
            dataSource={detail.staff}
            rowKey="id"
            locale={{ emptyText: t('departments.noStaff') }}
            renderItem={(s) => (
              <List.Item>
                <span>{s.displayName}</span>
                <Typography.Text type="secondary" className="mono">
                  {s.username}
                </Typography.Text>
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
