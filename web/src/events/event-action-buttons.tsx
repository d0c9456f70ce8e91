import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DANGER_ACTIONS, FORWARD_ACTIONS } from './action-needs.ts';

/** One button per action the caller may take now. */
export function EventActionButtons<A extends string>({ abilities, onPick }: { abilities: A[]; onPick(action: A): void }) {
  const { t } = useTranslation();
  if (abilities.length === 0) return <Typography.Text type="secondary">{t('events.noActions')}</Typography.Text>;
  const main = FORWARD_ACTIONS.find((a) => abilities.some((x) => x === a));
  // The forward step first, the ones that turn the case away last.
  const rank = (a: string) => (a === main ? 0 : DANGER_ACTIONS.has(a) ? 2 : 1);
  const ordered = [...abilities].sort((a, b) => rank(a) - rank(b));
  return (
    <Space wrap className="event-actions" data-testid="event-actions">
      {ordered.map((a) => (
        <Button key={a} type={a === main ? 'primary' : 'default'} danger={DANGER_ACTIONS.has(a)} onClick={() => onPick(a)}>
          {t(`eventAction.${a}`, { defaultValue: a })}
        </Button>
      ))}
    </Space>
  );
}
