import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import { TemplateImportCard } from '../people/template-import-card.tsx';
import { FacilitySearch } from './facility-search.tsx';

/** 部件: the components of one's jurisdiction by class, state and area; recorders also import them from a spreadsheet. */
export function FacilitiesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('facilities.title')}</Typography.Title>
      </div>
      {can('registry.write') ? (
        <Tabs
          items={[
            { key: 'search', label: t('facilities.searchTab'), children: <FacilitySearch /> },
            { key: 'import', label: t('facilities.importTab'), children: <TemplateImportCard template="facility" ns="facilities" /> },
          ]}
        />
      ) : (
        <FacilitySearch />
      )}
    </div>
  );
}
