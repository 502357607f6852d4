/**
 * `table[key]` when the table itself holds `key`. Tables keyed by words people write would
 * otherwise answer "constructor" or "toString" with a member of Object.prototype.
 */
export const lookUp = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;
