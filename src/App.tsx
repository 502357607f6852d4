import { Admin, Resource, localStorageStore, type Store } from 'react-admin';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import answers from './resources/answers';
import audit from './resources/audit';
import doctors from './resources/doctors';
import photos from './resources/photos';
import questions from './resources/questions';
import reviews from './resources/reviews';
import { Layout } from './ui/Layout';
import { darkTheme, lightTheme } from './ui/themes';

const browserStore = localStorageStore(undefined, 'verity');

/** The console. Tests pass a memory store so that list filters do not leak from one test to the next. */
export const App = ({ store = browserStore }: { store?: Store }) => (
  <Admin
    title="Verity"
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    lightTheme={lightTheme}
    darkTheme={darkTheme}
    store={store}
    disableTelemetry
  >
    <Resource name="doctors" {...doctors} />
    <Resource name="questions" {...questions} />
    <Resource name="answers" {...answers} />
    <Resource name="reviews" {...reviews} />
    <Resource name="photos" {...photos} />
    <Resource name="audit" {...audit} />
    <Resource name="moderators" recordRepresentation="name" />
  </Admin>
);
