import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { ANONYMOUS, type Actor } from '../../domain/permissions.ts';
import { api } from '../api/client.ts';
import { sessionStore, type SessionUser } from '../api/session.ts';

export interface Session {
  /** Null when signed out. */
  user: SessionUser | null;
  isLoading: boolean;
  /** The user as the domain's permission rules see them. */
  actor: Actor;
  login: (email: string, password: string) => Promise<SessionUser | null>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The domain actor of a user: their roles per organisation. */
export function actorOf(user: SessionUser | null): Actor {
  if (!user) return ANONYMOUS;
  return {
    userId: user.id,
    roles: user.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role })),
    isPlatformAdmin: user.isPlatformAdmin,
  };
}

/** Makes the session (kept by the API client) available to the pages. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const state = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  const session = useMemo<Session>(() => ({
    user: state.user,
    isLoading: state.status === 'loading',
    actor: actorOf(state.user),
    login: api.login,
    logout: api.logout,
  }), [state]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The current session: who is signed in, and login and logout. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Changes when another user signs in or out: pages load their data again. */
export function useSessionKey(): string {
  const state = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  return state.user?.id ?? '';
}
