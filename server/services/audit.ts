import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson } from '../../src/domain/canonical';
import {
  type AuditRow,
  auditRowsInOrder,
  insertAuditRow,
  lockAuditHead,
  recordedAuditHead,
} from '../db/audit';
import type { Dialect } from '../db/connection';
import type { Database } from '../db/schema';

/** The predecessor of the first entry. */
export const genesisHash = '0'.repeat(64);

export type AuditFact = Omit<AuditRow, 'prevHash' | 'hash'>;

export function auditHash(prevHash: string, fact: AuditFact): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fact)).digest('hex');
}

/** Appends one entry to the chain; call it inside the transaction that makes the change it records. */
export async function appendAudit(
  trx: Transaction<Database>,
  dialect: Dialect,
  fact: AuditFact,
): Promise<number> {
  const prevHash = (await lockAuditHead(trx, dialect)) ?? genesisHash;
  return insertAuditRow(trx, { ...fact, prevHash, hash: auditHash(prevHash, fact) });
}

export type ChainReport =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/**
 * Walks the chain from the first entry and names the first one whose link or content does not
 * hold, then checks that the walk ended at the recorded head: entries deleted from the end leave
 * every remaining link intact.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainReport> {
  let prevHash = genesisHash;
  let entries = 0;
  let lastId = 0;
  for await (const row of auditRowsInOrder(db)) {
    const { id, prevHash: storedPrev, hash, ...fact } = row;
    if (storedPrev !== prevHash)
      return { ok: false, entries, brokenAt: id, reason: 'prevHash does not match the entry before it' };
    if (auditHash(prevHash, fact) !== hash)
      return { ok: false, entries, brokenAt: id, reason: 'content does not match its hash' };
    prevHash = hash;
    lastId = id;
    entries += 1;
  }
  const head = await recordedAuditHead(db);
  if (entries > 0 && !head)
    return {
      ok: false,
      entries,
      brokenAt: lastId,
      reason: 'the record of the chain’s newest entry is missing',
    };
  if (head && (head.entryId !== lastId || head.hash !== prevHash))
    return {
      ok: false,
      entries,
      brokenAt: head.entryId,
      reason: 'the chain ends before its recorded newest entry: entries were deleted from its end',
    };
  return { ok: true, entries };
}
