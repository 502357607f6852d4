import simpleRestProvider from 'ra-data-simple-rest';
import { httpClient } from './httpClient';

/** The API follows ra-data-simple-rest exactly (DESIGN.md §4), so the stock client serves it unchanged. */
export const dataProvider = simpleRestProvider('/api', httpClient);
