import { useState } from 'react';

/**
 * Server-side paging of one list: the page to ask for (`offset`, `limit`, the server's one paging query) and the
 * table's pagination for the reply's `total`. A new filter (`filterKey`) starts again at the first page.
 */
export function usePaged(pageSize: number, filterKey: string) {
  const [at, setAt] = useState({ filterKey, current: 1 });
  const current = at.filterKey === filterKey ? at.current : 1;
  return {
    query: { offset: (current - 1) * pageSize, limit: pageSize },
    pagination: (total: number | undefined) => ({
      current,
      pageSize,
      total: total ?? 0,
      showSizeChanger: false,
      hideOnSinglePage: true,
      onChange: (page: number) => setAt({ filterKey, current: page }),
    }),
  };
}
