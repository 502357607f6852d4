import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import { formatTotal } from '../domain/listQuery';
import { englishMessages } from './englishMessages';

const polyglot = polyglotI18nProvider(() => englishMessages, 'en', [{ locale: 'en', name: 'English' }]);

/**
 * react-admin's messages, with a list's position read the way moderators count: "26-50 of 653,301",
 * and "of 10,000+" where the server stopped counting.
 */
export const i18nProvider: I18nProvider = {
  ...polyglot,
  translate(key, options) {
    if (key === 'ra.navigation.page_range_info' && typeof options?.total === 'number') {
      return polyglot.translate(key, { ...options, total: formatTotal(options.total) });
    }
    return polyglot.translate(key, options);
  },
};
