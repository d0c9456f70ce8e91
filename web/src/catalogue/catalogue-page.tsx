import { Empty, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminNode, CatalogueRule } from '../api/replies.ts';
import { useApi } from '../use-api.ts';
import { AddLocalDialog } from './add-local-dialog.tsx';
import { CatalogueTree } from './catalogue-tree.tsx';
import { HistoryDrawer } from './history-drawer.tsx';
import { NodeEditor } from './node-editor.tsx';
import { blankRule } from './rule-form.ts';

/** 派单目录维护: the tree of classes and items, one node's editor, local additions, retiring and the version history. */
export function CataloguePage() {
  const { t } = useTranslation();
  const { data, loading, reload } = useApi('/api/catalogue');
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState<AdminNode | null>(null);
  const [history, setHistory] = useState<string | null>(null);

  const nodes = useMemo(() => data?.items ?? [], [data]);
  const node = nodes.find((n) => n.code === selected) ?? null;
  // A new item starts from the rule of the first item already in its class.
  const startRule = useMemo<CatalogueRule>(
    () => nodes.find((n) => n.parentCode === adding?.code && n.kind === 'item' && n.rule)?.rule ?? blankRule(),
    [nodes, adding],
  );

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('catalogue.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('catalogue.hint')}</Typography.Paragraph>
      <div className="catalogue-page">
        <aside className="catalogue-side">
          {loading && !data ? <Spin className="panel-spin" /> : <CatalogueTree nodes={nodes} selected={selected} onSelect={setSelected} />}
        </aside>
        <main className="catalogue-main">
          {node && data ? (
            <NodeEditor
              node={node}
              choices={data.choices}
              onChanged={reload}
              onAdd={() => setAdding(node)}
              onHistory={() => setHistory(node.code)}
            />
          ) : (
            <Empty description={t('catalogue.pick')} />
          )}
        </main>
      </div>
      {data && (
        <AddLocalDialog
          parent={adding}
          startRule={startRule}
          choices={data.choices}
          onClose={() => setAdding(null)}
          onAdded={(added) => {
            setAdding(null);
            setSelected(added.code);
            reload();
          }}
        />
      )}
      <HistoryDrawer code={history} stages={data?.choices.stages ?? []} onClose={() => setHistory(null)} />
    </div>
  );
}
