import type { Random } from './random';

export const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;
export const monthMs = 30.44 * dayMs;

/** The demo data covers the 18 months before its as-of day. */
export const historyMs = 548 * dayMs;

/** Midnight UTC of a YYYY-MM-DD day. */
export function parseDay(day: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00.000Z`) : NaN;
  if (Number.isNaN(ms) || isoDay(ms) !== day) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`);
  return ms;
}

export const todayUtc = (): string => isoDay(Date.now());

/** Whole seconds, so timestamps read like the ones the server writes and stay identical run to run. */
export const isoTime = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString();

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** EXIF's own date format, "YYYY:MM:DD HH:MM:SS", in the camera's local time (here: UTC). */
export const exifTime = (ms: number): string => isoTime(ms).slice(0, 19).replace('T', ' ').replace(/-/g, ':');

/**
 * `count` moments between `fromMs` and `toMs`, in ascending order, denser towards the end: the site
 * grows, so there are more reviews this month than a year ago.
 */
export function ascendingMoments(random: Random, count: number, fromMs: number, toMs: number): Float64Array {
  const moments = new Float64Array(count);
  for (let i = 0; i < count; i++) moments[i] = fromMs + Math.pow(random.next(), 0.8) * (toMs - fromMs);
  return moments.sort();
}

/** A delay that is usually short and sometimes long (log-normal), between `minMs` and `maxMs`. */
export function delay(random: Random, typicalMs: number, minMs: number, maxMs: number): number {
  const ms = typicalMs * Math.exp(random.normal() * 0.9);
  return Math.min(maxMs, Math.max(minMs, ms));
}
