import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<string, string> = {
  verifying: 'orange',
  reported: 'orange',
  accepted: 'gold',
  voided: 'default',
  dispatched: 'blue',
  returned: 'magenta',
  arbitrating: 'volcano',
  signed: 'geekblue',
  handled: 'cyan',
  checked: 'lime',
  closed: 'green',
  visited: 'success',
  merged: 'default',
};

export function EventStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status] ?? 'default'} data-testid="event-status">
      {t(`eventStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}
