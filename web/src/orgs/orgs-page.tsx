import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import { TemplateImportCard } from '../people/template-import-card.tsx';
import { OrgSearch } from './org-search.tsx';

/** 实有单位: the organisations of one's jurisdiction; recorders also import them from a spreadsheet. */
export function OrgsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('orgs.title')}</Typography.Title>
      </div>
      {can('registry.write') ? (
        <Tabs
          items={[
            { key: 'search', label: t('orgs.searchTab'), children: <OrgSearch /> },
            { key: 'import', label: t('orgs.importTab'), children: <TemplateImportCard template="organisation" ns="orgs" /> },
          ]}
        />
      ) : (
        <OrgSearch />
      )}
    </div>
  );
}
