import { useEffect, type ReactNode } from 'react';
import { LoadingPage, useAuthState, useLocation, useNavigate, useResetStore } from 'react-admin';

/**
 * The console's screens, for a signed-in moderator only: anyone else is sent to the login page,
 * which takes them back to the screen they asked for once they sign in.
 *
 * This stands in for react-admin's requireAuth, whose guard logs a signed-out visitor out. Its
 * logout navigates to the login page and empties the query cache, and react-router applies that
 * navigation as a transition, which React renders only once no urgent update is waiting. Emptying
 * the cache makes one: the guard, still mounted, has lost its answer, so it asks checkAuth again
 * (the answer is remembered, so it comes at once), fails, logs out again and empties the cache
 * again, round after round, each putting the login page off (in Chromium, by over ten seconds).
 * A visitor who is not signed in has no session to end and nothing cached to forget: a redirect
 * is all it takes, and nothing then drops the answer this guard went by.
 */
export const SignedInOnly = ({ children }: { children: ReactNode }) => {
  const { isPending, authenticated } = useAuthState();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const resetStore = useResetStore();
  const signedOut = !isPending && !authenticated;

  useEffect(() => {
    if (!signedOut) return;
    // As react-admin's logout does: what this browser kept of an earlier session (saved list
    // filters and columns) is not the next moderator's.
    resetStore();
    navigate('/login', { replace: true, state: { nextPathname: pathname, nextSearch: search } });
  }, [signedOut, resetStore, navigate, pathname, search]);

  if (isPending || signedOut) {
    return (
      <div style={{ height: '100vh' }}>
        <LoadingPage />
      </div>
    );
  }
  return children;
};
