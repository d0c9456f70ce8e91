import { Input, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { type Key, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminNode } from '../api/replies.ts';

interface Props {
  nodes: AdminNode[];
  selected: string | null;
  onSelect(code: string): void;
}

interface Branch extends TreeDataNode {
  key: string;
  children: Branch[];
}

/** Major → minor → item; local nodes tagged, retired ones greyed. A search keeps matches and the classes above them. */
export function CatalogueTree({ nodes, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<string[]>([]);
  // A node chosen from outside the tree (one just added) opens the classes above it.
  useEffect(() => {
    const parents = new Map(nodes.map((n) => [n.code, n.parentCode]));
    const above: string[] = [];
    for (let c = selected ? parents.get(selected) : null; c; c = parents.get(c)) above.push(c);
    if (above.length) setExpanded((prev) => [...new Set([...prev, ...above])]);
  }, [selected, nodes]);

  const { roots, matchedBranches } = useMemo(() => {
    const q = query.trim().toLowerCase();
    const byCode = new Map(nodes.map((n) => [n.code, n]));
    const keep = new Set<string>();
    for (const n of nodes) {
      if (q && !n.name.toLowerCase().includes(q) && !n.code.toLowerCase().includes(q)) continue;
      for (let c: string | null = n.code; c && !keep.has(c); c = byCode.get(c)?.parentCode ?? null) keep.add(c);
    }
    const branches = new Map<string, Branch>();
    const top: Branch[] = [];
    for (const n of nodes) {
      if (!keep.has(n.code)) continue;
      const branch: Branch = { key: n.code, title: <NodeTitle node={n} />, children: [], isLeaf: n.kind === 'item' };
      branches.set(n.code, branch);
      const parent = n.parentCode ? branches.get(n.parentCode) : undefined;
      (parent ? parent.children : top).push(branch);
    }
    const withChildren = [...branches.values()].filter((b) => b.children.length > 0).map((b) => b.key);
    return { roots: top, matchedBranches: q ? withChildren : null };
  }, [nodes, query]);

  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('catalogue.search')}
        onChange={(e) => setQuery(e.target.value)}
        className="catalogue-search"
      />
      <Tree
        className="catalogue-tree"
        blockNode
        treeData={roots}
        selectedKeys={selected ? [selected] : []}
        expandedKeys={matchedBranches ?? expanded}
        onExpand={(keys: Key[]) => setExpanded(keys.map(String))}
        onSelect={(_keys, info) => onSelect(String(info.node.key))}
      />
    </>
  );
}

function NodeTitle({ node }: { node: AdminNode }) {
  const { t } = useTranslation();
  return (
    <span className="tree-title" data-testid="catalogue-node" data-code={node.code}>
      <Typography.Text className="tree-name" type={node.retired ? 'secondary' : undefined} delete={node.retired}>
        {node.name}
      </Typography.Text>
      <span>
        {node.local && <Tag color="blue">{t('catalogue.local')}</Tag>}
        {node.retired && <Tag>{t('catalogue.retired')}</Tag>}
        <Typography.Text type="secondary" className="mono">
          {node.code}
        </Typography.Text>
      </span>
    </span>
  );
}
