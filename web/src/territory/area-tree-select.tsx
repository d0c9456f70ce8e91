import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import type { AreaLevel } from '../../../shared/roles.ts';
import { type AreaTreeNode, useAreaTree } from './use-area-tree.ts';

/** `locality`: a village or township (where a caller's address lies), nothing above or below. */
type Pick = 'county' | 'area' | 'locality' | 'grid' | 'any';
/** How deep the picker goes: the lowest level is shown as a leaf. */
const LOWEST: Record<Pick, AreaLevel> = { county: 'county', area: 'village', locality: 'village', grid: 'grid', any: 'grid' };
const LOCALITIES: readonly AreaLevel[] = ['township', 'village'];

function trim(nodes: AreaTreeNode[], pick: Pick): (AreaTreeNode & { selectable?: boolean })[] {
  return nodes.map((n) => {
    const unselectable =
      (pick === 'grid' && n.area.level !== 'grid') || (pick === 'locality' && !LOCALITIES.includes(n.area.level as AreaLevel));
    const node = unselectable ? { ...n, selectable: false } : n;
    if (n.area.level === LOWEST[pick]) return { ...node, isLeaf: true, children: undefined };
    return n.children ? { ...node, children: trim(n.children, pick) } : node;
  });
}

type Props = Omit<TreeSelectProps, 'treeData' | 'loadData'> & { pick?: Pick };

/** A TreeSelect over the caller's area tree, loaded lazily like the territory tree. */
export function AreaTreeSelect({ pick = 'any', ...props }: Props) {
  const { nodes, loading, loadChildren } = useAreaTree();
  const treeData = useMemo(() => trim(nodes, pick), [nodes, pick]);
  return (
    <TreeSelect
      showSearch
      allowClear
      treeNodeFilterProp="title"
      loading={loading}
      popupMatchSelectWidth={false}
      {...props}
      treeData={treeData}
      loadData={(node) => loadChildren(String(node.value))}
    />
  );
}
