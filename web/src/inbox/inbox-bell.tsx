import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../use-api.ts';
import { INBOX_CHANGED } from './inbox-kinds.ts';

/** New notifications arrive from other people's actions and the minute sweep, so the bell asks again this often. */
const POLL_MS = 60_000;

/** The header bell: my to-do (cases waiting on me or my unit, and supervision orders to answer); a click opens the inbox. */
export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, reload } = useApi('/api/inbox/counts');

  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    window.addEventListener(INBOX_CHANGED, reload);
    return () => {
      clearInterval(timer);
      window.removeEventListener(INBOX_CHANGED, reload);
    };
  }, [reload]);

  const unread = data?.unread ?? 0;
  const supervision = data?.supervision ?? 0;
  const todo = data?.total ?? 0;
  return (
    <Tooltip title={t('inbox.bell', { todo, unread, supervision })}>
      <Badge count={todo} size="small" offset={[-4, 4]} dot={todo === 0 && unread > 0}>
        <Button
          type="text"
          className="inbox-bell"
          icon={<BellOutlined />}
          onClick={() => navigate('/inbox')}
          aria-label={t('inbox.title')}
          data-testid="inbox-bell"
        />
      </Badge>
    </Tooltip>
  );
}
