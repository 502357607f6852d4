import type { ModeratedResource } from '../domain/transitions';

/**
 * Where each figure of the dashboard leads: the react-admin list that shows what it counts,
 * through the list's own `filter` (and `sort`) URL parameters.
 */

export type ListFilter = Record<string, string | number | string[]>;

export const listLink = (
  resource: string,
  filter: ListFilter,
  sort?: { field: string; order: 'ASC' | 'DESC' },
): string => {
  const query = new URLSearchParams({ filter: JSON.stringify(filter) });
  if (sort) {
    query.set('sort', sort.field);
    query.set('order', sort.order);
  }
  return `/${resource}?${query.toString()}`;
};

/** The audit entries of decisions on `resource` from the start of day `from` (to the end of `to`). */
export const decisionsLink = (
  resource: ModeratedResource,
  actions: readonly string[],
  from: string,
  to?: string,
  actorId?: number,
): string =>
  listLink(
    'audit',
    {
      resource,
      action: [...actions],
      at_gte: from,
      ...(to ? { at_lte: to } : {}),
      ...(actorId === undefined ? {} : { actorId }),
    },
    { field: 'at', order: 'DESC' },
  );

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

/** A span of time as a moderator reads it at a glance: 45 s, 12 min, 5 h 20 min, 3 d 4 h. */
export function spanText(ms: number): string {
  if (ms < minuteMs) return `${Math.round(ms / 1000)} s`;
  if (ms < hourMs) return `${Math.round(ms / minuteMs)} min`;
  if (ms < dayMs) {
    const minutes = Math.floor((ms % hourMs) / minuteMs);
    return `${Math.floor(ms / hourMs)} h${minutes ? ` ${minutes} min` : ''}`;
  }
  const hours = Math.floor((ms % dayMs) / hourMs);
  return `${Math.floor(ms / dayMs)} d${hours ? ` ${hours} h` : ''}`;
}
