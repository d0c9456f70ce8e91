import { SolutionOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VisitDrawer } from './visit-drawer.tsx';

/** "走访" on a house: opens the visit form; once it is saved, says so and lets the house show what changed. */
export function VisitButton({ code, onSaved }: { code: string; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<SolutionOutlined />} onClick={() => setOpen(true)} data-testid="house-visit">
        {t('visits.visit')}
      </Button>
      <VisitDrawer
        of={{ house: code }}
        open={open}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          void message.success(t('visits.saved'));
          onSaved();
        }}
      />
    </>
  );
}
