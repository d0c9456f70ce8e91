import { SolutionOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VisitDrawer } from '../visits/visit-drawer.tsx';

/** "随访" on a tagged person: the visit form of their house, saved as their follow-up. */
export function FollowUpButton({ personId, onSaved }: { personId: string; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" icon={<SolutionOutlined />} onClick={() => setOpen(true)} data-testid="follow-up-visit">
        {t('followUps.visit')}
      </Button>
      <VisitDrawer
        of={{ followUp: personId }}
        open={open}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          void message.success(t('followUps.saved'));
          onSaved();
        }}
      />
    </>
  );
}
