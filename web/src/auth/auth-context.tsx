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

/** Holds the signed-in user; the permissions come from the server, never re-derived here. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    api
      .GET('/api/auth/me')
      .then((reply) => setMe(reply.user))
      .catch((err: unknown) => {
        if (!(err instanceof ApiError && err.status === 401)) console.error(err);
      })
      .finally(() => setLoading(false));
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const reply = await api.POST('/api/auth/login', { body: { username, password } });
    if ('secondFactor' in reply) return { pendingToken: reply.secondFactor.pendingToken };
    setMe(reply.user);
    return null;
  }, []);

  const completeSignIn = useCallback(async (pendingToken: string, code: string) => {
    setMe((await api.POST('/api/auth/login/second-factor', { body: { pendingToken, code } })).user);
  }, []);

  const signOut = useCallback(async () => {
    await api.POST('/api/auth/logout');
    setMe(null);
  }, []);

  const reload = useCallback(async () => {
    setMe((await api.GET('/api/auth/me')).user);
  }, []);

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
