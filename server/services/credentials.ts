import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  type ClaimedCredentials,
  compareWithRegistry,
  type FieldComparison,
  type RegistryLookup,
} from '../../src/domain/credentials';
import { type DoctorDocument, documentKinds, documentMediaTypes } from '../../src/domain/model';
import { resourceSpecs } from '../../src/domain/resources';
import { npiProblem } from '../../src/domain/rules/doctors';
import type { Db } from '../db/connection';
import { insertDocument, loadDocument, storeAnswer, storedLookups, storeFailure } from '../db/credentials';
import { type ApiRecord, findRecord, updateRecord } from '../db/records';
import type { Database } from '../db/schema';
import { conflict, invalid, notFound } from '../errors';
import { type MediaStorage, mediaKeys } from '../storage';
import type { CredentialRegistry } from '../registries/registry';
import { appendAudit } from './audit';
import type { SignedIn } from './auth';
import { recheck } from './checks';
import { acceptUpload, keepFiles } from './uploads';

/**
 * A doctor's credentials against the registries, and the documents a verifier reads: asking the
 * registry (outside any transaction: a slow registry must never hold the database), the
 * side-by-side view of the verifier's desk, and document uploads.
 */

type AnyDb = Kysely<Database> | Transaction<Database>;

const hourMs = 3_600_000;
/** A registry answer younger than this is used as it is when a doctor is checked. */
export const registryMaxAgeMs = 24 * hourMs;
/** Lookups in flight at once: the public registry is shared by everyone, so it is asked gently. */
const concurrentLookups = 4;

/**
 * Asks the registry about each of these NPIs whose answer is missing or older than `maxAgeMs`,
 * and keeps what it says. Malformed NPIs are not asked about: no record can exist for them.
 * Answers how many were asked and how many attempts failed.
 */
export async function askRegistry(
  db: AnyDb,
  registry: CredentialRegistry,
  npis: readonly string[],
  now: Date,
  maxAgeMs = registryMaxAgeMs,
): Promise<{ asked: number; failed: number }> {
  const wanted = [...new Set(npis)].filter((npi) => npiProblem(npi) === null);
  const cached = await storedLookups(db, registry.source, wanted);
  const since = new Date(now.getTime() - maxAgeMs).toISOString();
  const due = wanted.filter((npi) => {
    const fetchedAt = cached.get(npi)?.fetchedAt;
    return !fetchedAt || fetchedAt <= since;
  });
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const npi = due[next++];
      const answer = await registry.lookup(npi);
      const at = now.toISOString();
      if (answer.outcome === 'unreachable') {
        failed++;
        await storeFailure(db, registry.source, npi, answer.problem, at);
      } else {
        await storeAnswer(
          db,
          registry.source,
          npi,
          { outcome: answer.outcome, record: answer.outcome === 'found' ? answer.record : null },
          at,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrentLookups, due.length) }, worker));
  return { asked: due.length, failed };
}

/** Asks about one doctor's NPI when the answer kept is stale (before re-running their checks). */
export async function askAboutDoctor(db: AnyDb, registry: CredentialRegistry, id: number, now: Date) {
  const doctor = await findRecord(db, resourceSpecs.doctors, id);
  if (doctor) await askRegistry(db, registry, [doctor.npi as string], now);
}

/** The registry's word on each NPI as the rules read it; null for an NPI never asked about. */
export async function registryLookups(
  db: AnyDb,
  npis: readonly string[],
): Promise<Map<string, RegistryLookup>> {
  return storedLookups(db, 'nppes', npis);
}

export interface RegistryView {
  source: 'nppes';
  outcome: RegistryLookup['outcome'] | 'not_looked_up';
  fetchedAt: string | null;
  failedAt: string | null;
  problem: string | null;
  record: RegistryLookup['record'];
  comparison: FieldComparison[];
}

/** What the verifier's desk shows beside the profile: the registry's record, field by field. */
export async function registryView(db: AnyDb, id: number): Promise<RegistryView> {
  const doctor = await findRecord(db, resourceSpecs.doctors, id);
  if (!doctor) throw notFound(`doctors ${id} does not exist`);
  const npi = doctor.npi as string;
  const lookup = (await registryLookups(db, [npi])).get(npi) ?? null;
  const problem =
    lookup?.problem ?? (npiProblem(npi) ? `NPI ${npi} ${npiProblem(npi)}: the registry is not asked` : null);
  return {
    source: 'nppes',
    outcome: lookup?.outcome ?? 'not_looked_up',
    fetchedAt: lookup?.fetchedAt ?? null,
    failedAt: lookup?.failedAt ?? null,
    problem,
    record: lookup?.record ?? null,
    comparison: lookup?.record
      ? compareWithRegistry(doctor as unknown as ClaimedCredentials, lookup.record)
      : [],
  };
}

/** Asks the registry again now, whatever the cache holds, and checks the doctor with the answer. */
export async function refreshRegistry(
  db: Db,
  registry: CredentialRegistry,
  id: number,
  now: Date,
): Promise<RegistryView> {
  const doctor = await findRecord(db.kysely, resourceSpecs.doctors, id);
  if (!doctor) throw notFound(`doctors ${id} does not exist`);
  await askRegistry(db.kysely, registry, [doctor.npi as string], now, 0);
  await db.kysely.transaction().execute((trx) => recheck(trx, 'doctors', id, now));
  return registryView(db.kysely, id);
}

// --- Documents ---------------------------------------------------------------------------------

export const maxDocumentBytes = 10 * 1024 * 1024;

/** A file name as the desk lists it: no path, no control characters, a sane length. */
const cleanFileName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200) || 'document';

export interface Upload {
  kind: unknown;
  fileName: string;
  /** null when the request carried no file. */
  bytes: Uint8Array | null;
}

/**
 * Keeps an uploaded credential document with the doctor: the bytes are checked before anything
 * is written, then stored under their SHA-256, and the document row, the doctor's list and the
 * audit entry are one transaction (whose failure takes the stored bytes away again).
 */
export async function addDocument(
  db: Db,
  storage: MediaStorage,
  id: number,
  upload: Upload,
  actor: SignedIn,
  now: Date,
): Promise<ApiRecord> {
  if (typeof upload.kind !== 'string' || !(documentKinds as readonly string[]).includes(upload.kind)) {
    throw invalid(`kind must be one of ${documentKinds.join(', ')}`, [
      { path: 'kind', message: 'unknown kind' },
    ]);
  }
  const mediaType = acceptUpload(upload.bytes, {
    field: 'file',
    what: 'a document',
    maxBytes: maxDocumentBytes,
    accepted: documentMediaTypes,
    kinds: 'a PDF, JPEG, PNG or WebP file',
  });
  const bytes = Buffer.from(upload.bytes!);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const at = now.toISOString();
  const spec = resourceSpecs.doctors;
  const file = { key: mediaKeys.document(sha256), bytes };
  return keepFiles(storage, [file], () =>
    db.kysely.transaction().execute(async (trx) => {
      const doctor = await findRecord(trx, spec, id);
      if (!doctor) throw notFound(`doctors ${id} does not exist`);
      const listed = {
        kind: upload.kind as DoctorDocument['kind'],
        fileName: cleanFileName(upload.fileName),
        mediaType,
        sha256,
        byteLength: bytes.length,
        uploadedAt: at,
        uploadedBy: actor.id,
      };
      const documentId = await insertDocument(trx, { ...listed, doctorId: id });
      const documents = [...(doctor.documents as DoctorDocument[]), { id: documentId, ...listed }];
      const updated = await updateRecord(trx, spec, id, { documents }, doctor.version as number);
      if (!updated) throw conflict(`doctors ${id} changed while uploading; try again`);
      await appendAudit(trx, db.dialect, {
        at,
        actorId: actor.id,
        action: 'upload',
        resource: 'doctors',
        recordId: id,
        fromStatus: null,
        toStatus: null,
        reasonCode: null,
        note: `${listed.kind}: ${listed.fileName} (${listed.byteLength} bytes, sha256 ${listed.sha256.slice(0, 12)})`,
        ruleResults: null,
      });
      return updated;
    }),
  );
}

/** A document's record and its bytes, from the storage. */
export async function documentFile(db: AnyDb, storage: MediaStorage, doctorId: number, documentId: number) {
  const document = await loadDocument(db, doctorId, documentId);
  if (!document) throw notFound(`doctor ${doctorId} has no document ${documentId}`);
  const bytes = await storage.get(mediaKeys.document(document.sha256));
  if (!bytes) throw notFound(`the file of document ${documentId} is missing from the storage`);
  return { ...document, bytes };
}
