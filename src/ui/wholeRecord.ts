/**
 * A list row leaves out what only a show page reads (long texts, rule evidence), and react-admin
 * seeds its getOne cache with list rows. Show pages, the list drawer and anything else that needs
 * a whole record ask under this meta, which has a cache entry of its own, so they never render a
 * list row as if it were the record.
 */
export const wholeRecord = { meta: { whole: true } } as const;
