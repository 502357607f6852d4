import { faceProcedures } from '../../src/domain/rules/photos';
import type { Procedure } from './treatments';

/** The treatments a face photograph can show: the demo draws faces only. */
export const photoProcedures = [...faceProcedures] as Procedure[];

/** What was done, as the doctor's caption says it, and when the after photo is usually taken. */
export const photoTreatments: Record<string, { detail: string; months: readonly [number, number] }> = {
  Botox: { detail: "Botox to the forehead, frown lines and crow's feet", months: [1, 1] },
  Dysport: { detail: 'Dysport for frown lines and forehead lines', months: [1, 1] },
  Xeomin: { detail: 'Xeomin to the frown lines', months: [1, 1] },
  'Lip filler': { detail: 'Lip filler, one syringe of hyaluronic acid', months: [1, 2] },
  'Cheek filler': { detail: 'Cheek filler, two syringes placed along the cheekbones', months: [1, 3] },
  'Under-eye filler': { detail: 'Tear trough filler placed with a cannula', months: [1, 3] },
  Kybella: { detail: 'Two sessions of Kybella under the chin', months: [3, 6] },
  'Laser resurfacing': { detail: 'Fractional CO2 laser resurfacing of the full face', months: [3, 6] },
  'IPL photofacial': { detail: 'Three IPL photofacial sessions for sun spots', months: [1, 3] },
  Microneedling: { detail: 'Four microneedling sessions for acne scarring', months: [3, 6] },
  'Chemical peel': { detail: 'Medium-depth chemical peel', months: [1, 2] },
  Rhinoplasty: { detail: 'Open rhinoplasty to reduce a dorsal hump', months: [6, 12] },
  Blepharoplasty: { detail: 'Upper blepharoplasty', months: [2, 6] },
  Facelift: { detail: 'Deep-plane facelift with a neck lift', months: [3, 12] },
};

export type CaptionStyle = 'full' | 'no time' | 'no procedure' | 'neither';

export function caption(style: CaptionStyle, procedure: Procedure, months: number, variant: number): string {
  const { detail } = photoTreatments[procedure];
  const span = `${months} ${months === 1 ? 'month' : 'months'}`;
  switch (style) {
    case 'full':
      return [
        `${detail}, photographed ${span} after treatment.`,
        `${detail}. Result at ${span}.`,
        `${detail}; the after photo was taken ${span} later.`,
      ][variant % 3];
    case 'no time':
      return [`${detail}.`, `${detail}, same lighting in both photos.`][variant % 2];
    case 'no procedure':
      return [`Result ${span} after treatment.`, `${span} later, no makeup, same lighting.`][variant % 2];
    case 'neither':
      return ['What a difference!', 'Natural, refreshed result.', 'Another happy patient.'][variant % 3];
  }
}

/** Cameras found in clinics, as EXIF names them. */
export const cameras: readonly (readonly [make: string, model: string])[] = [
  ['Canon', 'Canon EOS 90D'],
  ['Canon', 'Canon EOS R6'],
  ['NIKON CORPORATION', 'NIKON D7500'],
  ['SONY', 'ILCE-7M4'],
  ['FUJIFILM', 'X-T4'],
  ['Apple', 'iPhone 15 Pro'],
  ['Apple', 'iPhone 13'],
  ['samsung', 'SM-S918B'],
  ['Google', 'Pixel 8 Pro'],
];

/** Editing applications whose name in EXIF Software betrays a retouched photo. */
export const editors = [
  'Adobe Photoshop 25.0',
  'Facetune',
  'Meitu',
  'Adobe Lightroom Classic 13.1',
  'Snapseed',
];
