import { Button, List, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DepartmentDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { AreaTreeSelect } from '../territory/area-tree-select.tsx';
import { useShowError } from '../use-show-error.tsx';

interface Props {
  department: DepartmentDetail;
  manage: boolean;
  onChanged(detail: DepartmentDetail): void;
}

/** Grids the department has claimed (认领) to patrol, with claim and release for managers. */
export function DepartmentClaims({ department, manage, onChanged }: Props) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [gridCode, setGridCode] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const code = department.code;

  async function change(call: Promise<DepartmentDetail>) {
    setBusy(true);
    try {
      onChanged(await call);
      setGridCode(undefined);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {manage && (
        <Space.Compact className="full-width claim-form">
          <AreaTreeSelect
            pick="grid"
            value={gridCode}
            onChange={setGridCode}
            placeholder={t('departments.pickGrid')}
            className="full-width"
          />
          <Button
            type="primary"
            disabled={!gridCode}
            loading={busy}
            onClick={() =>
              gridCode && change(api.POST('/api/org/departments/{code}/claims', { params: { path: { code } }, body: { gridCode } }))
            }
          >
            {t('departments.claim')}
          </Button>
        </Space.Compact>
      )}
      <List
        size="small"
        dataSource={department.claims}
        locale={{ emptyText: t('departments.noClaims') }}
        rowKey="gridCode"
        renderItem={(c) => (
          <List.Item
            actions={
              manage
                ? [
                    <Popconfirm
                      key="release"
                      title={t('departments.releaseConfirm', { name: c.gridName })}
                      onConfirm={() =>
                        change(
                          api.DELETE('/api/org/departments/{code}/claims/{gridCode}', { params: { path: { code, gridCode: c.gridCode } } }),
                        )
                      }
                    >
                      <a>{t('departments.release')}</a>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Link to={`/territory?grid=${c.gridCode}`}>{c.gridName}</Link>
            <Typography.Text type="secondary" className="mono claim-code">
              {c.gridCode}
            </Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
}
