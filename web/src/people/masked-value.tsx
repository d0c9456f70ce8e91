import { EyeOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RevealDialog } from './reveal-dialog.tsx';

interface Props {
  /** Reveals the field with the reason given (the record's reveal route). */
  reveal(reason: string): Promise<{ value: string | null }>;
  field: string;
  /** The field's name, for the dialog. */
  label: string;
  masked: string | null;
  /** The user holds registry.unmask. */
  canReveal: boolean;
}

/** A masked ID number or phone; with permission, a button to see it in full (asks a reason, audited). */
export function MaskedValue({ reveal, field, label, masked, canReveal }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [full, setFull] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);

  if (masked === null) return <Typography.Text type="secondary">{t('reveal.empty')}</Typography.Text>;
  if (revealed) {
    return (
      <Tooltip title={t('reveal.revealed')}>
        <Typography.Text strong copyable={full !== null} className="mono revealed-value" data-testid={`revealed-${field}`}>
          {full ?? t('reveal.empty')}
        </Typography.Text>
      </Tooltip>
    );
  }
  return (
    <span className="masked-value">
      <span className="mono" data-testid={`masked-${field}`}>
        {masked}
      </span>
      {canReveal && (
        <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setAsking(true)}>
          {t('reveal.button')}
        </Button>
      )}
      <RevealDialog
        open={asking}
        reveal={reveal}
        label={label}
        onClose={() => setAsking(false)}
        onRevealed={(value) => {
          setFull(value);
          setRevealed(true);
          setAsking(false);
        }}
      />
    </span>
  );
}
