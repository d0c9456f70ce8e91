import { useCallback, useEffect, useState } from 'react';
import type { AreaNode } from '../api/replies.ts';
import { api } from '../api.ts';
import { useShowError } from '../use-show-error.tsx';

/** A node of the lazily loaded area tree, usable by antd Tree (key) and TreeSelect (value). */
export interface AreaTreeNode {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  area: AreaNode;
  children?: AreaTreeNode[];
}

function toNode(area: AreaNode): AreaTreeNode {
  return { key: area.code, value: area.code, title: area.name, isLeaf: area.level === 'grid' || area.childCount === 0, area };
}

function attach(nodes: AreaTreeNode[], code: string, children: AreaTreeNode[]): AreaTreeNode[] {
  return nodes.map((n) => {
    if (n.key === code) return { ...n, children };
    return n.children ? { ...n, children: attach(n.children, code, children) } : n;
  });
}

/** The caller's jurisdiction roots, with children fetched when a node is opened. */
export function useAreaTree(): { nodes: AreaTreeNode[]; loading: boolean; loadChildren(code: string): Promise<void> } {
  const showError = useShowError();
  const [nodes, setNodes] = useState<AreaTreeNode[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    api
      .GET('/api/territory/areas')
      .then((reply) => setNodes(reply.items.map(toNode)))
      .catch(showError)
      .finally(() => setLoading(false));
  }, [showError]);

  const loadChildren = useCallback(
    async (code: string) => {
      try {
        const reply = await api.GET('/api/territory/areas/{code}/children', { params: { path: { code } } });
        setNodes((prev) => attach(prev, code, reply.items.map(toNode)));
      } catch (err) {
        showError(err);
      }
    },
    [showError],
  );

  return { nodes, loading, loadChildren };
}
