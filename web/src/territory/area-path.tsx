import { Breadcrumb } from 'antd';
import type { AreaRef } from '../api/replies.ts';
import { LinkButton } from '../link-button.tsx';

interface Props {
  /** Ancestors, from the top down (the API leaves the node itself out). */
  path: AreaRef[];
  self: { code: string; name: string };
  /** Ancestors the user may open (those inside their jurisdiction). */
  openable: string[];
  onOpen(code: string): void;
}

/** The 面包屑 of an area or grid; each ancestor can be opened on the map. */
export function AreaPath({ path, self, openable, onOpen }: Props) {
  return (
    <Breadcrumb
      className="area-path"
      items={[
        ...path.map((p) => ({
          key: p.code,
          title: openable.includes(p.code) ? <LinkButton onClick={() => onOpen(p.code)}>{p.name}</LinkButton> : p.name,
        })),
        { key: self.code, title: self.name },
      ]}
    />
  );
}
