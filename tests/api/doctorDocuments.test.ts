import { beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from './databases';
import { type Json, testStart, useTestApi } from './fixtures';
import { type Authors, type Member, signInAs, storeAuthors, storeItem } from './moderation';

/**
 * Credential documents through the API: what a verifier uploads is judged by its bytes, kept with
 * the doctor and audited, served back inline to signed-in users only, and a refused upload leaves
 * nothing behind.
 */

describe.each(testDialects)('doctor documents on %s', (dialect) => {
  const t = useTestApi(dialect);
  let verifier: Member;
  let moderator: Member;
  let authors: Authors;

  beforeEach(async () => {
    verifier = await signInAs(t, 'verifier', 'Lena Kowalczyk');
    moderator = await signInAs(t, 'moderator', 'Tomas Rivera');
    authors = await storeAuthors(t.db);
  });

  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const form = (bytes: Uint8Array, name: string, kind = 'license', type = 'application/pdf') => {
    const body = new FormData();
    body.set('kind', kind);
    body.set('file', new File([new Uint8Array(bytes)], name, { type }));
    return body;
  };
  const upload = (who: Member, id: number, body: FormData) =>
    who.api.request('POST', `/api/doctors/${id}/documents`, { body });
  const storedDocuments = async () =>
    (await t.db.kysely.selectFrom('doctorDocuments').select('id').execute()).length;

  it('keeps an uploaded license, lists it on the doctor and serves it back only to signed-in users', async () => {
    const doctor = await storeItem(t.db, authors, 'doctors', { verificationStatus: 'pending' });
    const response = await upload(verifier, doctor.id, form(pdf, 'C:\\scans\\license-tx.pdf'));
    expect(response.status, response.text).toBe(201);
    const [listed] = response.body.documents;
    expect(listed).toMatchObject({
      kind: 'license',
      fileName: 'license-tx.pdf',
      mediaType: 'application/pdf',
      byteLength: pdf.length,
      uploadedBy: verifier.id,
      uploadedAt: testStart,
    });
    expect(response.body.version).toBe(doctor.version + 1);

    const file = await verifier.api.request('GET', `/api/doctors/${doctor.id}/documents/${listed.id}`);
    expect(file.status).toBe(200);
    expect(file.text).toBe(pdf.toString());
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(file.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");

    const history = await verifier.api.request('GET', `/api/doctors/${doctor.id}/history`);
    expect(history.body.map((e: Json) => e.action)).toContain('upload');

    verifier.api.jar.clear();
    const signedOut = await verifier.api.request('GET', `/api/doctors/${doctor.id}/documents/${listed.id}`);
    expect(signedOut.status).toBe(401);
  });

  it('judges a file by its bytes and refuses what is not a document, leaving nothing behind', async () => {
    const doctor = await storeItem(t.db, authors, 'doctors', { verificationStatus: 'pending' });
    const refusals: [FormData, number, string][] = [
      [form(Buffer.from('I am a text file, not a license'), 'license.pdf'), 415, 'unsupported_media_type'],
      [form(Buffer.alloc(10 * 1024 * 1024 + 1, 0x25), 'huge.pdf'), 413, 'payload_too_large'],
      [form(pdf, 'license.pdf', 'selfie'), 422, 'invalid'],
      [form(Buffer.alloc(0), 'empty.pdf'), 422, 'invalid'],
    ];
    for (const [body, status, code] of refusals) {
      const response = await upload(verifier, doctor.id, body);
      expect([response.status, response.body?.code], response.text).toEqual([status, code]);
    }
    const json = await verifier.api.request('POST', `/api/doctors/${doctor.id}/documents`, {
      json: { file: 'x' },
    });
    expect(json.status).toBe(415);
    expect((await upload(moderator, doctor.id, form(png, 'cert.png', 'board_certificate'))).status).toBe(403);
    expect((await upload(verifier, 999, form(pdf, 'license.pdf'))).status).toBe(404);
    expect(await storedDocuments()).toBe(0);
    expect((await t.api.getOne('doctors', doctor.id)).body).toMatchObject({
      documents: [],
      version: doctor.version,
    });
  });
});
