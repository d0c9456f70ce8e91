import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import { TemplateImportCard } from '../people/template-import-card.tsx';
import { AddressList } from './address-list.tsx';
import { BuildingSearch } from './building-search.tsx';

/** 楼栋: the buildings of one's jurisdiction with their houses, the standard addresses they stand at, and the import. */
export function BuildingsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('buildings.title')}</Typography.Title>
      </div>
      <Tabs
        items={[
          { key: 'buildings', label: t('buildings.searchTab'), children: <BuildingSearch /> },
          { key: 'addresses', label: t('buildings.addressTab'), children: <AddressList /> },
          ...(can('registry.write')
            ? [{ key: 'import', label: t('buildings.importTab'), children: <TemplateImportCard template="building" ns="buildings" /> }]
            : []),
        ]}
      />
    </div>
  );
}
