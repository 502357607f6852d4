import { describe, expect, it } from 'vitest';
import type { PhotoImage } from '../../src/domain/model';
import { type PhotoItem, type PhotoMatch, type RuleSettings, runRules } from '../../src/domain/rules/engine';
import { photoRules } from '../../src/domain/rules/photos';

/** Each photo rule on pairs crafted for it; the server's part (finding matches) is in tests/api. */

const image = (overrides: Partial<PhotoImage> = {}): PhotoImage => ({
  url: '/api/images/x/display',
  thumbnailUrl: '/api/images/x/thumbnail',
  width: 480,
  height: 600,
  sha256: 'a'.repeat(64),
  mediaType: 'image/jpeg',
  byteLength: 1000,
  phash: '0f0f0f0f0f0f0f0f',
  mirroredPhash: 'f0f0f0f0f0f0f0f0',
  exif: { Make: 'Canon', Model: 'Canon EOS R6', DateTimeOriginal: '2026-01-10T10:00:00' },
  ...overrides,
});

const pair = (overrides: Partial<PhotoItem> = {}): PhotoItem => ({
  id: 5,
  doctorId: 7,
  procedure: 'Lip filler',
  caption: 'Lip filler, one syringe, photographed 2 months after treatment.',
  monthsAfterTreatment: 2,
  consentOnFile: true,
  before: image(),
  after: image({
    sha256: 'b'.repeat(64),
    phash: 'ffff0000ffff0000',
    mirroredPhash: '0000ffff0000ffff',
    exif: { Make: 'Canon', Model: 'Canon EOS R6', DateTimeOriginal: '2026-03-12T15:00:00' },
  }),
  createdAt: '2026-04-01T00:00:00.000Z',
  ...overrides,
});

const match = (overrides: Partial<PhotoMatch> = {}): PhotoMatch => ({
  photoId: 3,
  doctorId: 8,
  createdAt: '2026-02-01T00:00:00.000Z',
  side: 'before',
  otherSide: 'after',
  distance: 4,
  mirroredDistance: 30,
  sameBytes: false,
  ...overrides,
});

function verdict(
  ruleId: string,
  item: PhotoItem,
  matches: PhotoMatch[] | null = [],
  settings: RuleSettings = {},
) {
  const results = runRules(
    photoRules,
    item,
    { now: '2026-04-02T00:00:00.000Z', doctor: null, matches },
    settings,
  );
  return results.find((r) => r.ruleId === ruleId)!;
}

describe('an honest pair', () => {
  it('passes every photo rule', () => {
    const results = runRules(
      photoRules,
      pair(),
      { now: '2026-04-02T00:00:00.000Z', doctor: null, matches: [] },
      {},
    );
    expect(results.filter((r) => r.outcome !== 'pass')).toEqual([]);
    expect(results.map((r) => r.ruleId)).toEqual([
      'PH_DUP',
      'PH_MIRROR',
      'PH_SAME_SHOT',
      'PH_EDITOR',
      'PH_DATES',
      'PH_CONSENT',
      'PH_DISCLOSE',
      'PH_FRAMING',
      'PH_META',
    ]);
  });
});

describe('PH_DUP', () => {
  it('blocks a copy of another doctor’s earlier pair, naming it with the distance', () => {
    const result = verdict('PH_DUP', pair(), [match()]);
    expect(result).toMatchObject({ outcome: 'fail', severity: 'block' });
    expect(result.message).toBe('Before image is 4 bits from an image of pair #3, posted by another doctor.');
    expect(result.evidence?.related).toEqual([
      {
        resource: 'photos',
        id: 3,
        doctorId: 8,
        note: 'before ≈ its after, another doctor, posted earlier',
        image: { side: 'before', otherSide: 'after', distance: 4, mirrored: false, sameBytes: false },
      },
    ]);
  });

  it('is high for the same doctor’s reuse and for a later copy (this pair may be the original)', () => {
    expect(verdict('PH_DUP', pair(), [match({ doctorId: 7 })]).severity).toBe('high');
    expect(verdict('PH_DUP', pair(), [match({ createdAt: '2026-05-01T00:00:00.000Z' })]).severity).toBe(
      'high',
    );
  });

  it('says the same file, follows its threshold, and is unknown when nothing was searched', () => {
    expect(verdict('PH_DUP', pair(), [match({ distance: 0, sameBytes: true })]).message).toContain(
      'the same file as',
    );
    expect(verdict('PH_DUP', pair(), [match({ distance: 12 })]).outcome).toBe('pass');
    expect(
      verdict('PH_DUP', pair(), [match({ distance: 12 })], { PH_DUP: { enabled: true, threshold: 12 } })
        .outcome,
    ).toBe('fail');
    expect(verdict('PH_DUP', pair(), null).outcome).toBe('unknown');
  });
});

describe('PH_MIRROR', () => {
  it('fails when an image matches only once flipped', () => {
    const result = verdict('PH_MIRROR', pair(), [match({ distance: 33, mirroredDistance: 3 })]);
    expect(result).toMatchObject({ outcome: 'fail', severity: 'high' });
    expect(result.evidence?.related?.[0].image).toMatchObject({ mirrored: true, distance: 3 });
    expect(verdict('PH_DUP', pair(), [match({ distance: 33, mirroredDistance: 3 })]).outcome).toBe('pass');
  });

  it('leaves a plain copy to PH_DUP, and is unknown without the flipped hashes', () => {
    expect(verdict('PH_MIRROR', pair(), [match({ distance: 2, mirroredDistance: 5 })]).outcome).toBe('pass');
    expect(verdict('PH_MIRROR', pair({ before: image({ mirroredPhash: null }) }), []).outcome).toBe(
      'unknown',
    );
  });
});

describe('PH_SAME_SHOT', () => {
  it('blocks one photograph shown as before and after', () => {
    const same = pair({ after: image({ phash: '0f0f0f0f0f0f0f1f', sha256: 'c'.repeat(64) }) });
    expect(verdict('PH_SAME_SHOT', same)).toMatchObject({ outcome: 'fail', severity: 'block' });
    expect(verdict('PH_SAME_SHOT', pair({ after: image() })).message).toBe(
      'Before and after are the same file: no result is shown.',
    );
  });
});

describe('PH_EDITOR', () => {
  it('fails for an editing application in Software, pointing at the field', () => {
    const edited = pair({
      after: image({ exif: { Software: 'Facetune 2.31', DateTimeOriginal: '2026-03-12T15:00:00' } }),
    });
    const result = verdict('PH_EDITOR', edited);
    expect(result).toMatchObject({ outcome: 'fail', severity: 'high' });
    expect(result.evidence?.fields).toEqual([{ side: 'after', field: 'Software', value: 'Facetune 2.31' }]);
  });

  it('passes camera firmware and is unknown without EXIF', () => {
    expect(verdict('PH_EDITOR', pair({ before: image({ exif: { Software: '17.4.1' } }) })).outcome).toBe(
      'pass',
    );
    expect(
      verdict('PH_EDITOR', pair({ before: image({ exif: null }), after: image({ exif: null }) })).outcome,
    ).toBe('unknown');
  });
});

describe('PH_DATES', () => {
  it('fails when the after photo was taken first', () => {
    const reversed = pair({
      before: image({ exif: { DateTimeOriginal: '2026-03-12T15:00:00' } }),
      after: image({ exif: { DateTimeOriginal: '2026-01-10T10:00:00' } }),
    });
    expect(verdict('PH_DATES', reversed).message).toBe(
      'The after photo was taken 61 day(s) before the before photo.',
    );
  });

  it('fails when the interval disagrees with the months stated, within its tolerance', () => {
    expect(verdict('PH_DATES', pair({ monthsAfterTreatment: 6 })).message).toContain('only 61 day(s) apart');
    expect(verdict('PH_DATES', pair({ monthsAfterTreatment: 1 })).outcome).toBe('pass');
    expect(
      verdict('PH_DATES', pair({ monthsAfterTreatment: 1 }), [], {
        PH_DATES: { enabled: true, threshold: 7 },
      }).outcome,
    ).toBe('fail');
    expect(verdict('PH_DATES', pair({ monthsAfterTreatment: null })).outcome).toBe('pass');
    expect(verdict('PH_DATES', pair({ after: image({ exif: { Make: 'Canon' } }) })).outcome).toBe('unknown');
  });
});

describe('PH_CONSENT', () => {
  it('blocks full-face photos without consent and asks a moderator to look at body photos', () => {
    expect(verdict('PH_CONSENT', pair({ consentOnFile: false }))).toMatchObject({
      outcome: 'fail',
      severity: 'block',
    });
    expect(verdict('PH_CONSENT', pair({ consentOnFile: false, procedure: 'Tummy tuck' }))).toMatchObject({
      outcome: 'fail',
      severity: 'high',
    });
  });
});

describe('PH_DISCLOSE', () => {
  it.each([
    ['What a difference!', 'the treatment (Lip filler) or the time since treatment'],
    ['Result 3 months after treatment.', 'the treatment (Lip filler)'],
    ['Lip filler, same lighting in both photos.', 'the time since treatment'],
  ])('fails "%s" for not stating %s', (caption, missing) => {
    expect(verdict('PH_DISCLOSE', pair({ caption })).message).toBe(`The caption does not state ${missing}.`);
  });

  it('accepts the treatment’s other names and written-out numbers', () => {
    expect(
      verdict('PH_DISCLOSE', pair({ caption: 'Lips with hyaluronic acid, six weeks later' })).outcome,
    ).toBe('pass');
    expect(
      verdict(
        'PH_DISCLOSE',
        pair({ procedure: 'Under-eye filler', caption: 'Tear trough filler at 3 months' }),
      ).outcome,
    ).toBe('pass');
  });
});

describe('PH_FRAMING', () => {
  it('fails a different aspect ratio or far fewer pixels', () => {
    expect(verdict('PH_FRAMING', pair({ after: image({ width: 600, height: 600 }) })).message).toBe(
      'Aspect ratios differ by 25%: different framing or crop.',
    );
    expect(verdict('PH_FRAMING', pair({ after: image({ width: 240, height: 300 }) })).message).toContain(
      '4.0 times the pixels',
    );
  });
});

describe('PH_META', () => {
  it('notes missing EXIF and different cameras, as info', () => {
    expect(verdict('PH_META', pair({ before: image({ exif: null }) }))).toMatchObject({
      outcome: 'fail',
      severity: 'info',
    });
    const cameras = pair({ after: image({ exif: { Make: 'Apple', Model: 'iPhone 15 Pro' } }) });
    expect(verdict('PH_META', cameras).message).toBe(
      'Taken with different cameras: Canon Canon EOS R6 before, Apple iPhone 15 Pro after.',
    );
  });
});
