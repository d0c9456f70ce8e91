import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';
import { usePaged } from '../use-paged.ts';
import { ExportButton } from './export-button.tsx';
import { MAX_PEOPLE_QUERY, peopleQueryProblem } from './people-query.ts';
import { PeopleTable } from './people-table.tsx';
import { PersonDrawer } from './person-drawer.tsx';
import { PersonForm } from './person-form.tsx';

const PAGE_SIZE = 20;

/** The search box and its results; a row opens the person; 登记人员 registers a newcomer and opens them. */
export function PeopleSearch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const paged = usePaged(PAGE_SIZE, q);
  const { data, loading, reload } = useApi('/api/registry/people', q ? { params: { query: { q, ...paged.query } } } : null);
  const items = data?.items ?? [];

  function search(value: string) {
    const text = value.trim();
    const problem = peopleQueryProblem(text);
    if (problem) return void message.warning(t(problem));
    if (text === q)
      reload(); // the same search again: fetch afresh (an import may have changed the records)
    else setQ(text);
  }

  return (
    <>
      <Typography.Paragraph type="secondary">{t('people.hint')}</Typography.Paragraph>
      <div className="people-search">
        <Input.Search
          allowClear
          enterButton={t('people.search')}
          placeholder={t('people.searchPlaceholder')}
          maxLength={MAX_PEOPLE_QUERY + 10}
          onSearch={search}
          loading={loading}
          data-testid="people-search"
        />
        {can('registry.write') && (
          <Button icon={<UserAddOutlined />} onClick={() => setRegistering(true)} data-testid="person-register">
            {t('personForm.register')}
          </Button>
        )}
        {q && !loading && items.length > 0 && (
          <>
            <Typography.Text type="secondary">{t('people.found', { n: data?.total ?? 0 })}</Typography.Text>
            <ExportButton path="/api/registry/people/export" filter={{ q }} fileName="people.xlsx" hint={t('people.exportHint')} />
          </>
        )}
      </div>
      <PeopleTable
        items={items}
        loading={loading}
        pagination={paged.pagination(data?.total)}
        showTags={can('registry.tags')}
        emptyText={q ? t('people.noMatch') : t('people.searchFirst')}
        onOpen={setOpen}
      />
      <PersonDrawer id={open} onClose={() => setOpen(null)} onOpenPerson={setOpen} onChanged={() => q && reload()} />
      <PersonForm
        open={registering}
        editing={null}
        onClose={() => setRegistering(false)}
        onOpenPerson={(id) => {
          setRegistering(false);
          setOpen(id);
        }}
        onSaved={(p) => {
          setRegistering(false);
          void message.success(t('personForm.registered', { name: p.name }));
          setOpen(p.id);
        }}
      />
    </>
  );
}
