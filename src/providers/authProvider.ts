import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import type { Role } from '../domain/model';
import { can, type Guarded, type Permission } from '../domain/permissions';
import { httpClient, postJson } from './httpClient';

/** The signed-in moderator as GET /api/auth/me and POST /api/auth/login describe them. */
interface SignedIn {
  id: number;
  name: string;
  email: string;
  role: Role;
  permissions: Record<string, Permission[]>;
}

export interface VerityIdentity extends UserIdentity {
  id: number;
  fullName: string;
  email: string;
  role: Role;
}

/** What react-admin asks for, as the permission the server checks for it. */
const actionPermissions: Record<string, Permission> = {
  list: 'read',
  show: 'read',
  export: 'read',
  create: 'create',
  clone: 'create',
  edit: 'update',
  delete: 'delete',
};

/** The login page's query when a session ended under the console: the page then says so. */
export const sessionEndedSearch = '?session=ended';

async function fetchSignedIn(): Promise<SignedIn | null> {
  try {
    return (await httpClient('/api/auth/me')).json as SignedIn;
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) return null;
    throw error;
  }
}

/**
 * Sessions are an httpOnly cookie the page cannot read, so who is signed in is asked of the
 * server once per page and remembered: react-admin checks on every navigation and before every
 * button it may hide. Signing in or out replaces the answer; a 401 from any call ends it.
 * Each App gets its own provider, so nothing is remembered from one mounted console to the next.
 */
export function createAuthProvider(): AuthProvider {
  let signedIn: Promise<SignedIn | null> | null = null;

  const current = () => {
    signedIn ??= fetchSignedIn().catch((error: unknown) => {
      // A network failure is not an answer: ask again next time.
      signedIn = null;
      throw error;
    });
    return signedIn;
  };

  const wasSignedIn = async () => signedIn !== null && (await signedIn.catch(() => null)) !== null;

  return {
    async login({ username, password }: { username: string; password: string }) {
      const user = await postJson<SignedIn>('/auth/login', { email: username, password });
      signedIn = Promise.resolve(user);
    },

    async logout() {
      const sessionToEnd = await wasSignedIn();
      signedIn = Promise.resolve(null);
      // The session may already be over (expired, deactivated); the server then has nothing to end.
      if (sessionToEnd) await postJson('/auth/logout').catch(() => undefined);
    },

    async checkAuth() {
      // message: false keeps the login page free of a "please sign in" toast on a first visit.
      if (!(await current())) throw { message: false };
    },

    async checkError(error: { status?: number }) {
      // 403 is a refusal, not the end of the session: the caller shows it and the moderator stays.
      if (error?.status !== 401) return;
      const justEnded = await wasSignedIn();
      signedIn = Promise.resolve(null);
      // Not react-admin's logout: it empties the query cache at once, the screens still showing
      // refetch everything, each refetch answers 401 and logs out again, and that storm can starve
      // the (transition) navigation to the login page for seconds. Going there is enough; the
      // login page forgets the old session's cache once those screens are gone. Later 401s of the
      // same ending (and those after signing out) go quietly: react-admin then settles them empty.
      throw justEnded
        ? { logoutUser: false, redirectTo: `/login${sessionEndedSearch}`, message: false }
        : { logoutUser: false, message: false };
    },

    async getIdentity(): Promise<VerityIdentity> {
      const user = await current();
      if (!user) throw new Error('ra.auth.auth_check_error');
      return { id: user.id, fullName: user.name, email: user.email, role: user.role };
    },

    async getPermissions() {
      const user = await current();
      return user ? { role: user.role, permissions: user.permissions } : null;
    },

    async canAccess({ action, resource }: { action: string; resource: string }) {
      const user = await current();
      // can() answers false for a resource or permission it does not know; the casts only let
      // react-admin's strings in (checking them here would pull the zod specs into the first chunk).
      if (!user) return false;
      return can(user.role, actionPermissions[action] ?? (action as Permission), resource as Guarded);
    },
  };
}
