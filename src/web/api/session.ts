import type { TRole } from '../../domain/permissions.ts';

/** A role of the signed-in user in one organisation, as GET /auth/me tells it. */
export interface Membership {
  organisationId: string;
  role: TRole;
  organisationName: string;
}

/** The signed-in user. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  memberships: Membership[];
}

export interface SessionState {
  /** `loading` until GET /auth/me has answered once. */
  status: 'loading' | 'ready';
  user: SessionUser | null;
}

/*
 * Who is signed in, outside React: the API client keeps it current (start-up, login, logout, a 401) and sends the
 * CSRF token with every write; React reads it through the session context.
 */
let state: SessionState = { status: 'loading', user: null };
let csrfToken: string | null = null;
const listeners = new Set<() => void>();

export const sessionStore = {
  get: (): SessionState => state,
  csrfToken: (): string | null => csrfToken,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(user: SessionUser | null, token: string | null): void {
    csrfToken = token;
    // A new state only when who is signed in changed, so pages do not load again for nothing.
    if (state.status === 'ready' && state.user?.id === user?.id && sameRoles(state.user, user)) return;
    state = { status: 'ready', user };
    listeners.forEach((l) => l());
  },
};

const rolesKey = (u: SessionUser | null) =>
  (u?.memberships ?? []).map((m) => `${m.organisationId}:${m.role}`).sort().join() + (u?.isPlatformAdmin ? '+p' : '');
const sameRoles = (a: SessionUser | null, b: SessionUser | null) => rolesKey(a) === rolesKey(b);
