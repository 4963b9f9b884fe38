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
  /** Meldpunt duties (behandelaar …) per municipality. */
  duties?: { organisationId: string; duty: 'behandelaar' | 'casemanager' | 'privacy'; categoryKey: string | null }[];
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

/*
 * The session's clock and a login asked for while it ran out, apart from who is signed in: they change often, and
 * pages must not load again when they do. `SessionGuard` shows both.
 */
export interface SessionClock {
  /** When the session ends unless used again (ms since the epoch); null when signed out or not known. */
  expiresAt: number | null;
  /** A request met an ended session: it waits for a login in the dialog (true) or its cancellation (false). */
  isLoginAsked: boolean;
}
let clock: SessionClock = { expiresAt: null, isLoginAsked: false };
const clockListeners = new Set<() => void>();
let loginAsked: Promise<boolean> | null = null;
let answerLogin: ((isSignedIn: boolean) => void) | null = null;
const setClock = (next: Partial<SessionClock>) => {
  clock = { ...clock, ...next };
  clockListeners.forEach((l) => l());
};

export const sessionStore = {
  get: (): SessionState => state,
  csrfToken: (): string | null => csrfToken,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(user: SessionUser | null, token: string | null): void {
    csrfToken = token;
    if (!user && clock.expiresAt !== null) setClock({ expiresAt: null });
    // A new state only when who is signed in changed, so pages do not load again for nothing.
    if (state.status === 'ready' && state.user?.id === user?.id && sameRoles(state.user, user)) return;
    state = { status: 'ready', user };
    listeners.forEach((l) => l());
  },

  clock: (): SessionClock => clock,
  subscribeClock(listener: () => void): () => void {
    clockListeners.add(listener);
    return () => clockListeners.delete(listener);
  },
  /** The server's word on when the session ends (the login, /auth/me, the header on every answer). */
  setExpiry(iso: string | null): void {
    const at = iso ? Date.parse(iso) : null;
    if (at !== clock.expiresAt && (at === null || !Number.isNaN(at))) setClock({ expiresAt: at });
  },
  /** Asks the user to log in again (once, however many requests wait); resolves whether they did. */
  askLogin(): Promise<boolean> {
    loginAsked ??= new Promise<boolean>((resolve) => {
      answerLogin = resolve;
      setClock({ isLoginAsked: true });
    });
    return loginAsked;
  },
  /** The dialog's answer: logged in again (the waiting requests are sent again) or cancelled. */
  answerLogin(isSignedIn: boolean): void {
    const answer = answerLogin;
    loginAsked = null;
    answerLogin = null;
    setClock({ isLoginAsked: false });
    answer?.(isSignedIn);
  },
};

const rolesKey = (u: SessionUser | null) =>
  (u?.memberships ?? []).map((m) => `${m.organisationId}:${m.role}`).sort().join() + (u?.isPlatformAdmin ? '+p' : '');
const sameRoles = (a: SessionUser | null, b: SessionUser | null) => rolesKey(a) === rolesKey(b);
