import { Alert, App, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import type { Items, Person } from '../types.ts';
import { useApi } from '../use-api.ts';
import { PeopleTable } from './people-table.tsx';
import { PersonDrawer } from './person-drawer.tsx';
import { ExportButton } from './export-button.tsx';

const LIMIT = 100;
const MAX_QUERY = 40;

/** The search box and its results; a row opens the person. */
export function PeopleSearch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const path = q ? `/api/registry/people?${new URLSearchParams({ q, limit: String(LIMIT) })}` : null;
  const { data, loading, reload } = useApi<Items<Person>>(path);
  const items = data?.items ?? [];

  function search(value: string) {
    const text = value.trim();
    if (text.length > MAX_QUERY) return void message.warning(t('people.tooLong'));
    // Digits are matched as a whole ID number or mobile number, never as a part: say so instead of finding nobody.
    if (/^\d[\dXx]*$/.test(text) && !/^\d{17}[\dXx]$/.test(text) && !/^1\d{10}$/.test(text)) return void message.warning(t('people.partialNumber'));
    if (text === q) reload(); // the same search again: fetch afresh (an import may have changed the records)
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
          maxLength={MAX_QUERY + 10}
          onSearch={search}
          loading={loading}
          data-testid="people-search"
        />
        {q && !loading && items.length > 0 && (
          <>
            <Typography.Text type="secondary">{t('people.found', { n: items.length })}</Typography.Text>
            <ExportButton q={q} />
          </>
        )}
      </div>
      {items.length >= LIMIT && <Alert className="people-limited" type="info" showIcon message={t('people.limited', { n: LIMIT })} />}
      <PeopleTable
        items={items}
        loading={loading}
        showTags={can('registry.tags')}
        emptyText={q ? t('people.noMatch') : t('people.searchFirst')}
        onOpen={setOpen}
      />
      <PersonDrawer id={open} onClose={() => setOpen(null)} onOpenPerson={setOpen} />
    </>
  );
}
