import { createContext, ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { call, onSessionEnded } from './api/http';
import type { Session } from './api/types';

interface SessionState {
  /** undefined while the first GET /auth/session is on its way */
  session: Session | null | undefined;
  /** set when the API refused a signed-in request: the sign-in page says so */
  ended: boolean;
  /** exchanges a fresh access token for the cookie session; the token is not kept */
  start(accessToken: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    onSessionEnded(() => {
      setSession((current) => {
        if (current) setEnded(true);
        return null;
      });
    });
    call<Session>('GET', '/auth/session', { signingIn: true }).then(setSession, () => setSession(null));
  }, []);

  const start = useCallback(async (accessToken: string) => {
    const started = await call<Session>('POST', '/auth/session', { body: { accessToken }, signingIn: true });
    setEnded(false);
    setSession(started);
  }, []);

  const signOut = useCallback(async () => {
    await call('DELETE', '/auth/session', { signingIn: true }).catch(() => undefined);
    setEnded(false);
    setSession(null);
  }, []);

  return <SessionContext.Provider value={{ session, ended, start, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The signed-in person; only used below the sign-in gate. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}

export const hasRole = (session: Session, ...roles: string[]) => roles.some((r) => session.roles.includes(r));
