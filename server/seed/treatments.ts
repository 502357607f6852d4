import { procedures } from '../../src/domain/model';

export type Procedure = (typeof procedures)[number];

export const toxins: readonly Procedure[] = ['Botox', 'Dysport', 'Xeomin'];
export const fillers: readonly Procedure[] = ['Lip filler', 'Cheek filler', 'Under-eye filler'];
export const surgeries: readonly Procedure[] = [
  'Rhinoplasty',
  'Blepharoplasty',
  'Facelift',
  'Breast augmentation',
  'Liposuction',
  'Tummy tuck',
];

/** How often patients ask about and review each treatment, relative to the others. */
export const procedureDemand: Record<Procedure, number> = {
  Botox: 14,
  Dysport: 5,
  Xeomin: 3,
  'Lip filler': 10,
  'Cheek filler': 5,
  'Under-eye filler': 5,
  Kybella: 3,
  CoolSculpting: 4,
  'Laser resurfacing': 4,
  'IPL photofacial': 3,
  Microneedling: 5,
  'Chemical peel': 4,
  Rhinoplasty: 7,
  Blepharoplasty: 4,
  Facelift: 4,
  'Breast augmentation': 7,
  Liposuction: 6,
  'Tummy tuck': 5,
};

export const demandOf = (list: readonly Procedure[]): [Procedure, number][] =>
  list.map((procedure) => [procedure, procedureDemand[procedure]]);

export const allProcedures: readonly Procedure[] = procedures;

/** How a treatment reads inside a sentence: brand names keep their capitals, the rest are common nouns. */
export function procedureInText(procedure: Procedure): string {
  if (procedure === 'IPL photofacial') return 'IPL';
  if ([...toxins, 'Kybella', 'CoolSculpting'].includes(procedure)) return procedure;
  return procedure.toLowerCase();
}
