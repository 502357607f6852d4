import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseLocation, databasePoolSize } from '../../server/config';

describe('the server’s configuration', () => {
  it('reads the database from DATABASE_URL when it names PostgreSQL, else the SQLite file under DATA_DIR', () => {
    expect(databaseLocation({ DATABASE_URL: 'postgres://db.internal/verity' })).toBe(
      'postgres://db.internal/verity',
    );
    expect(databaseLocation({ DATA_DIR: '/srv/verity' })).toBe(join('/srv/verity', 'verity.db'));
    expect(databaseLocation({})).toBe(join('data', 'verity.db'));
  });

  it('keeps 10 PostgreSQL connections per instance unless DATABASE_POOL_SIZE says otherwise', () => {
    expect(databasePoolSize({})).toBe(10);
    expect(databasePoolSize({ DATABASE_POOL_SIZE: '4' })).toBe(4);
    for (const wrong of ['0', '2.5', 'ten', '-3', '501'])
      expect(() => databasePoolSize({ DATABASE_POOL_SIZE: wrong })).toThrow(
        `DATABASE_POOL_SIZE must be a whole number from 1 to 500, not "${wrong}"`,
      );
  });
});
