import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { openDb } from '../../server/db/connection';
import { testDialects } from './databases';
import { useTestApi } from './fixtures';

describe.each(testDialects)('GET /api/health on %s', (dialect) => {
  const t = useTestApi(dialect);

  it('answers 200 with the status and the database it reached', async () => {
    const response = await t.api.request('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toEqual({ status: 'ok', database: dialect });
  });
});

describe('GET /api/health without a database', () => {
  it('does not answer ok when the database is gone', async () => {
    // Nothing listens on port 1: every connection is refused at once.
    const db = openDb('postgres://verity@127.0.0.1:1/verity');
    try {
      const response = await createApp({ db }).fetch(new Request('http://verity.test/api/health'));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ message: 'the database does not answer', code: 'unavailable' });
    } finally {
      await db.close();
    }
  });
});
