import { BorderOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Empty, Spin, Tree } from 'antd';
import { type Key, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaTreeNode } from './use-area-tree.ts';

interface Props {
  nodes: AreaTreeNode[];
  loading: boolean;
  loadChildren(code: string): Promise<void>;
  selectedKey: string | null;
  expandedKeys: string[];
  onExpand(keys: string[]): void;
  onSelect(node: AreaTreeNode): void;
}

export function AreaTreePanel({ nodes, loading, loadChildren, selectedKey, expandedKeys, onExpand, onSelect }: Props) {
  const { t } = useTranslation();
  // A grid picked on the map or by the locate tool may be far down a long branch: bring it into view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the selection moving is what brings it into view
  useEffect(() => {
    const timer = setTimeout(
      () => document.querySelector('.area-tree .ant-tree-treenode-selected')?.scrollIntoView({ block: 'nearest' }),
      300,
    );
    return () => clearTimeout(timer);
  }, [selectedKey]);
  if (loading) return <Spin className="panel-spin" />;
  if (nodes.length === 0) return <Empty description={t('territory.noAreas')} />;
  return (
    <Tree<AreaTreeNode>
      className="area-tree"
      blockNode
      showIcon
      treeData={nodes}
      icon={(node) => ((node as unknown as AreaTreeNode).area.level === 'grid' ? <BorderOutlined /> : <EnvironmentOutlined />)}
      titleRender={({ title, area }) => (
        <span className="tree-title">
          <span className="tree-name">{title}</span>
          {area.level !== 'grid' && area.gridCount > 0 && (
            <span className="tree-count" title={t('territory.gridCountHint', { n: area.gridCount })}>
              {area.gridCount}
            </span>
          )}
        </span>
      )}
      loadData={(node) => loadChildren(node.key)}
      selectedKeys={selectedKey ? [selectedKey] : []}
      expandedKeys={expandedKeys}
      onExpand={(keys: Key[]) => onExpand(keys.map(String))}
      onSelect={(_keys, info) => onSelect(info.node)}
    />
  );
}
