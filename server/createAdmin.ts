import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { databaseLocation } from './config';
import { insertAdmin } from './db/auth';
import { migrate, openDb } from './db/connection';
import { constraintViolation } from './errors';
import { hashPassword } from './services/passwords';
import { minPasswordLength } from '../src/domain/accounts';

/**
 * `npm run create-admin -- --email you@example.org [--name "Your Name"]`: the first admin of a
 * database without demo data. The password comes from VERITY_ADMIN_PASSWORD, or is generated and
 * printed once.
 */
const usage = 'usage: npm run create-admin -- --email ADDRESS [--name NAME]';

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

let values: { email?: string; name?: string };
try {
  ({ values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
const email = z.email().safeParse(values.email?.trim().toLowerCase());
if (!email.success) fail('--email must be an e-mail address');
const given = process.env.VERITY_ADMIN_PASSWORD;
if (given !== undefined && given.length < minPasswordLength) {
  fail(`VERITY_ADMIN_PASSWORD needs at least ${minPasswordLength} characters`);
}
const password = given ?? randomBytes(18).toString('base64url');

const db = openDb(databaseLocation());
try {
  await migrate(db);
  await insertAdmin(db.kysely, {
    name: values.name?.trim() || email.data,
    email: email.data,
    passwordHash: await hashPassword(password),
    createdAt: new Date().toISOString(),
  });
  console.log(`admin ${email.data} created`);
  if (given === undefined) console.log(`password (shown once, change it after signing in): ${password}`);
} catch (error) {
  if (constraintViolation(error) === 'unique')
    fail(`a moderator with the e-mail ${email.data} already exists`);
  throw error;
} finally {
  await db.close();
}
