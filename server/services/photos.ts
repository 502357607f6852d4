import { z } from 'zod';
import { procedures } from '../../src/domain/model';
import { resourceSpecs } from '../../src/domain/resources';
import type { Db } from '../db/connection';
import { type ApiRecord, findRecord, insertRecord } from '../db/records';
import { invalid, invalidBody } from '../errors';
import type { MediaStorage } from '../storage';
import { recheck } from './checks';
import { photoImage, prepareImage, storedFiles } from './images';
import { keepFiles } from './uploads';

/**
 * A before-and-after pair as the site uploads it (multipart): the fields are checked, then each
 * image (see prepareImage), and only then is anything written: the files to the storage, then
 * the pair, its place in the near-duplicate index and its rule results in one transaction.
 */

const formText = (max: number) => z.string().trim().min(1).max(max);
/** Form fields are text: "12", "true"; an empty months field means not stated. */
export const photoFields = z.strictObject({
  doctorId: z.coerce.number().int().positive().max(2_147_483_647),
  procedure: z.enum(procedures),
  caption: formText(1000),
  monthsAfterTreatment: z
    .union([z.literal(''), z.coerce.number().int().min(0).max(120)])
    .optional()
    .transform((value) => (value === '' || value === undefined ? null : value)),
  consentOnFile: z
    .enum(['true', 'false', '1', '0', 'on'])
    .transform((value) => ['true', '1', 'on'].includes(value)),
});

export interface PhotoUpload {
  fields: Record<string, unknown>;
  before: Uint8Array | null;
  after: Uint8Array | null;
}

export async function uploadPhoto(
  db: Db,
  storage: MediaStorage,
  upload: PhotoUpload,
  now: Date,
): Promise<ApiRecord> {
  const parsed = photoFields.safeParse(upload.fields);
  if (!parsed.success) throw invalidBody(parsed.error);
  // One at a time: a 100-megapixel photo decoded twice at once would double the memory it takes.
  const before = await prepareImage(upload.before, 'before');
  const after = await prepareImage(upload.after, 'after');
  const spec = resourceSpecs.photos;
  return keepFiles(storage, [...storedFiles(before), ...storedFiles(after)], () =>
    db.kysely.transaction().execute(async (trx) => {
      if (!(await findRecord(trx, resourceSpecs.doctors, parsed.data.doctorId))) {
        throw invalid('a referenced record does not exist');
      }
      const created = await insertRecord(trx, spec, {
        ...spec.defaults,
        ...parsed.data,
        before: photoImage(before.fingerprint),
        after: photoImage(after.fingerprint),
        createdAt: now.toISOString(),
      });
      return (await recheck(trx, 'photos', created.id as number, now))!;
    }),
  );
}
