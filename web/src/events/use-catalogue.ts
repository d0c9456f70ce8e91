import { useMemo } from 'react';
import type { RecordPlace } from '../api/replies.ts';
import { useApi } from '../use-api.ts';

/**
 * The dispatch catalogue: its items, and a code → name lookup for any node. `reporting` is what a new report may
 * name; `all` adds retired nodes, which old cases still name.
 */
export function useCatalogue(list: 'all' | 'reporting' = 'all') {
  const { data, loading } = useApi('/api/events/catalogue', { params: { query: { retired: list === 'all' } } });
  return useMemo(() => {
    const nodes = data?.items ?? [];
    const names = new Map(nodes.map((n) => [n.code, n.name]));
    return {
      loading,
      items: nodes.filter((n) => n.kind === 'item'),
      nameOf: (code: string) => names.get(code) ?? code,
      /**
       * The item a report about a linked record is likely to be: a component's class names one, the urban-management
       * major class `CG` followed by the class code (路灯 01037 → 路灯异常 CG01037).
       */
      itemFor: (record: RecordPlace | null) => {
        const code = record?.classCode ? `CG${record.classCode}` : undefined;
        return code && nodes.some((n) => n.kind === 'item' && n.code === code) ? code : undefined;
      },
      /** "市容环境 / 暴露垃圾": the item with its minor class, to tell similar names apart. */
      pathOf: (code: string) => {
        const node = nodes.find((n) => n.code === code);
        const parent = node?.parentCode ? names.get(node.parentCode) : undefined;
        return parent ? `${parent} / ${names.get(code) ?? code}` : (names.get(code) ?? code);
      },
    };
  }, [data, loading]);
}
