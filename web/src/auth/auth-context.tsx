import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Permission } from '../../../shared/roles.ts';
import type { Me } from '../api/replies.ts';
import { ApiError, api, setUnauthorizedHandler } from '../api.ts';

interface Auth {
  me: Me | null;
  loading: boolean;
  /** The password step: signed in, or (two-factor sign-in on) the pending token the code must follow with. */
  signIn(username: string, password: string): Promise<{ pendingToken: string } | null>;
  /** The second step: a current TOTP code or a recovery code. */
  completeSignIn(pendingToken: string, code: string): Promise<void>;
  signOut(): Promise<void>;
  /** Reads the signed-in user again (after a change the server keeps, such as the forced password change). */
  reload(): Promise<void>;
  can(permission: Permission): boolean;
}

const AuthContext = createContext<Auth | null>(null);

/**
 * Who was signed in on this device, for a phone that opens the app without signal: the field app then still knows
 * its user and keeps reports in the outbox. Only a failed connection reads it; any answer of the server replaces it.
 */
const LAST_USER = 'gezhi:last-user';
const remember = (me: Me | null) => (me ? localStorage.setItem(LAST_USER, JSON.stringify(me)) : localStorage.removeItem(LAST_USER));
function lastUser(): Me | null {
  try {
    return JSON.parse(localStorage.getItem(LAST_USER) ?? 'null') as Me | null;
  } catch {
    return null;
  }
}

/** Holds the signed-in user; the permissions come from the server, never re-derived here. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const signedIn = useCallback((user: Me | null) => {
    remember(user);
    setMe(user);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => signedIn(null));
    api
      .GET('/api/auth/me')
      .then((reply) => signedIn(reply.user))
      .catch((err: unknown) => {
        if (err instanceof ApiError) {
          if (err.status === 401) remember(null);
          else console.error(err);
        } else setMe(lastUser()); // no connection: the user this phone had
      })
      .finally(() => setLoading(false));
  }, [signedIn]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const reply = await api.POST('/api/auth/login', { body: { username, password } });
      if ('secondFactor' in reply) return { pendingToken: reply.secondFactor.pendingToken };
      signedIn(reply.user);
      return null;
    },
    [signedIn],
  );

  const completeSignIn = useCallback(
    async (pendingToken: string, code: string) => {
      signedIn((await api.POST('/api/auth/login/second-factor', { body: { pendingToken, code } })).user);
    },
    [signedIn],
  );

  const signOut = useCallback(async () => {
    await api.POST('/api/auth/logout');
    signedIn(null);
  }, [signedIn]);

  const reload = useCallback(async () => {
    signedIn((await api.GET('/api/auth/me')).user);
  }, [signedIn]);

  const can = useCallback((permission: Permission) => me?.permissions.includes(permission) ?? false, [me]);

  const value = useMemo(
    () => ({ me, loading, signIn, completeSignIn, signOut, reload, can }),
    [me, loading, signIn, completeSignIn, signOut, reload, can],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
