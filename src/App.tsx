import { lazy, useState } from 'react';
import {
  Admin,
  CustomRoutes,
  Resource,
  localStorageStore,
  reactRouterProvider,
  type AuthProvider,
  type Store,
} from 'react-admin';
import { LoginPage } from './auth/LoginPage';
import { SetPasswordPage } from './auth/SetPasswordPage';
import { createAuthProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import answers from './resources/answers';
import audit from './resources/audit';
import doctors from './resources/doctors';
import moderators from './resources/moderators';
import photos from './resources/photos';
import questions from './resources/questions';
import reviews from './resources/reviews';
import rules from './resources/rules';
import { Layout } from './ui/Layout';
import { darkTheme, lightTheme } from './ui/themes';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));
const QueuePage = lazy(() => import('./queue/QueuePage'));
const SettingsPage = lazy(() => import('./resources/settings/SettingsPage'));
const SecondReviewPage = lazy(() => import('./quality/SecondReviewPage'));

const browserStore = localStorageStore(undefined, 'verity');

// The very Route react-admin's own routes are made of: a second copy of react-router (which a
// direct import can resolve to, under the test runner) would not be recognised as one.
const { Route } = reactRouterProvider;

/**
 * The console. Tests pass a memory store so that list filters do not leak from one test to the
 * next; each mounted console remembers its own signed-in moderator (see createAuthProvider).
 */
export const App = ({ store = browserStore }: { store?: Store }) => {
  const [authProvider] = useState<AuthProvider>(createAuthProvider);
  return (
    <Admin
      title="Verity"
      dataProvider={dataProvider}
      authProvider={authProvider}
      // Not requireAuth: its guard logs a signed-out visitor out, and that loops (see SignedInOnly,
      // which guards the Layout's screens instead). Routes without the Layout stay public.
      loginPage={LoginPage}
      i18nProvider={i18nProvider}
      layout={Layout}
      dashboard={Dashboard}
      lightTheme={lightTheme}
      darkTheme={darkTheme}
      store={store}
      disableTelemetry
    >
      <CustomRoutes noLayout>
        <Route path="/set-password" element={<SetPasswordPage />} />
      </CustomRoutes>
      <CustomRoutes>
        <Route path="/queue" element={<QueuePage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/quality" element={<SecondReviewPage />} />
      </CustomRoutes>
      <Resource name="doctors" {...doctors} />
      <Resource name="questions" {...questions} />
      <Resource name="answers" {...answers} />
      <Resource name="reviews" {...reviews} />
      <Resource name="photos" {...photos} />
      <Resource name="audit" {...audit} />
      <Resource name="moderators" {...moderators} />
      <Resource name="rules" {...rules} />
    </Admin>
  );
};
