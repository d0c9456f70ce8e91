import { EditOutlined, ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { PersonForm } from './person-form.tsx';
import { type MoveKind, PersonMoveDialog } from './person-moves.tsx';

/** 编辑, 迁入, 迁出 of one person, for roles that keep the records; `onChanged` reads the person again. */
export function PersonActions({ person, onChanged }: { person: PersonDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const [moving, setMoving] = useState<MoveKind | null>(null);
  if (!can('registry.write')) return null;
  const living = person.residences.some((r) => r.movedOut === null);

  return (
    <Space wrap>
      <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="person-edit">
        {t('personForm.edit')}
      </Button>
      <Button icon={<ImportOutlined />} onClick={() => setMoving('move')} data-testid="person-move">
        {t('personForm.move')}
      </Button>
      <Button icon={<ExportOutlined />} danger disabled={!living} onClick={() => setMoving('move-out')} data-testid="person-move-out">
        {t('personForm.moveOut')}
      </Button>
      <PersonForm
        open={editing}
        editing={person}
        onClose={() => setEditing(false)}
        onStale={onChanged}
        onSaved={() => {
          setEditing(false);
          void message.success(t('common.saved'));
          onChanged();
        }}
      />
      <PersonMoveDialog
        kind={moving}
        person={person}
        onClose={() => setMoving(null)}
        onStale={onChanged}
        onSaved={(p) => {
          const home = p.residences.find((r) => r.movedOut === null);
          setMoving(null);
          void message.success(
            moving === 'move' && home ? t('personForm.moved', { address: home.address ?? home.houseCode }) : t('personForm.movedOutDone'),
          );
          onChanged();
        }}
      />
    </Space>
  );
}
