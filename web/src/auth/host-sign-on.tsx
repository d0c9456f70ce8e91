import { Button, Spin, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../api.ts';
import { useAuth } from './auth-context.tsx';
import { HOST_PARAMS } from './host-sign-on-params.ts';

/**
 * A host token is good once (the server refuses its id a second time): a second run of the effect, for the same
 * address, waits for the first sign-on instead of sending the token again.
 */
const signOns = new Map<string, Promise<unknown>>();
function signOnOnce(token: string) {
  let signOn = signOns.get(token);
  if (!signOn) {
    signOn = api.POST('/api/auth/host/token', { body: { token } });
    signOns.set(token, signOn);
  }
  return signOn;
}

type Outcome = { kind: 'working' } | { kind: 'password' } | { kind: 'refused'; code: string; subject: string | null };

/** The refusal's title and words by the server's code. */
const REFUSAL_KEYS: Record<string, [string, string]> = {
  'auth.host_unmapped': ['hostSignOn.unmappedTitle', 'hostSignOn.unmapped'],
  'auth.host_account_refused': ['hostSignOn.refusedTitle', 'hostSignOn.refused'],
  'auth.host_unavailable': ['hostSignOn.failedTitle', 'hostSignOn.unavailable'],
  'auth.host_not_configured': ['hostSignOn.failedTitle', 'hostSignOn.openFromHost'],
  open_from_host: ['hostSignOn.failedTitle', 'hostSignOn.openFromHost'],
};

/**
 * The field routes in host mode: no login screen of our own. A host token in the address signs on with it (and
 * leaves the address); otherwise, where the deployment takes OpenID Connect, the browser goes to the host and comes
 * back signed on. A refusal says why and what to do (an unmapped user: ask the administrator, with the number to
 * give them). Without host mode, the usual login page (`passwordSignIn`).
 */
export function HostSignOn({ passwordSignIn }: { passwordSignIn: ReactNode }) {
  const { t } = useTranslation();
  const { reload } = useAuth();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'working' });

  useEffect(() => {
    const q = new URLSearchParams(search);
    const error = q.get('host_error');
    const token = q.get('host_token');
    const clean = new URLSearchParams(search);
    for (const p of HOST_PARAMS) clean.delete(p);
    const here = `${pathname}${clean.size ? `?${clean}` : ''}`;
    let live = true;
    (async () => {
      if (error) return setOutcome({ kind: 'refused', code: error, subject: q.get('host_subject') });
      const { methods } = await api.GET('/api/auth/host');
      if (methods.length === 0) return setOutcome({ kind: 'password' });
      if (token && methods.includes('token')) {
        await signOnOnce(token);
        await reload();
        if (live) navigate(here, { replace: true }); // the token leaves the address and the history
        return;
      }
      if (methods.includes('oidc')) {
        window.location.assign(`/api/auth/host/authorize?${new URLSearchParams({ to: here })}`);
        return;
      }
      setOutcome({ kind: 'refused', code: 'open_from_host', subject: null });
    })().catch((err: unknown) => {
      if (!live) return;
      if (err instanceof ApiError) {
        const subject = err.body.details.find((d) => typeof d.subject === 'string')?.subject;
        setOutcome({ kind: 'refused', code: err.body.code, subject: typeof subject === 'string' ? subject : null });
      } else setOutcome({ kind: 'password' }); // no connection: the login page still works from the last user kept
    });
    return () => {
      live = false;
    };
  }, [pathname, search, navigate, reload]);

  if (outcome.kind === 'password') return passwordSignIn;
  if (outcome.kind === 'working') return <Spin className="page-spin" size="large" tip={t('hostSignOn.signingOn')} fullscreen />;
  const [title, words] = REFUSAL_KEYS[outcome.code] ?? ['hostSignOn.failedTitle', 'hostSignOn.failed'];
  return (
    <main className="host-sign-on" data-testid="host-sign-on-refused">
      <Typography.Title level={3}>{t(title)}</Typography.Title>
      <Typography.Paragraph>{t(words)}</Typography.Paragraph>
      {outcome.subject && (
        <Typography.Paragraph>
          {t('hostSignOn.subject')}:{' '}
          <Typography.Text code copyable data-testid="host-subject">
            {outcome.subject}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {outcome.code === 'auth.host_sign_on_failed' && (
        <Button onClick={() => window.location.assign(`/api/auth/host/authorize?${new URLSearchParams({ to: '/m' })}`)}>
          {t('hostSignOn.retry')}
        </Button>
      )}
    </main>
  );
}
