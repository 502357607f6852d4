import type { FieldSpec, ResourceSpec } from './resources';
import { type CheckedType, isChecked, rulesByType } from './rules/registry';
import { lookUp } from './lookup';

/**
 * The list protocol of ra-data-simple-rest (`filter`, `sort`, `range` as JSON in the query
 * string) read into a query the database layer can run. Everything a client may send is
 * checked here, so a malformed or hostile list request is refused with a reason before any
 * SQL is built.
 */

export const maxPageSize = 1000;
const maxSearchLength = 200;
/**
 * Lists count the records a filter matches up to this many; beyond it the total reads one more
 * (10,001), which the console shows as "10,000+". Totals by status alone are kept exactly.
 */
export const countBound = 10_000;

/**
 * A list total as moderators read it: "653,301", or "10,000+" where the count stopped. A total
 * beyond the bound is exact (the counts kept by status), so only the bound's own sign reads "+".
 */
// One formatter for every count on screen: toLocaleString with a locale builds a new one per call,
// a measurable part of rendering a list with its menu badges and status tabs.
const counts = new Intl.NumberFormat('en-US');

/** A count as the console prints it: 647,349. */
export const formatCount = (count: number): string => counts.format(count);

export const formatTotal = (total: number): string =>
  total === countBound + 1 ? `${formatCount(countBound)}+` : formatCount(total);

export type Condition =
  | { op: 'eq'; field: string; value: string | number }
  | { op: 'in'; field: string; values: (string | number)[] }
  | { op: 'isNull'; field: string }
  | { op: 'gte' | 'lte'; field: string; value: string | number }
  /** Records whose searchable text has every one of these words, each as a word or a word's start. */
  | { op: 'search'; terms: string[] }
  /** Items whose latest check failed one of these rules. */
  | { op: 'failedRule'; resource: string; ruleIds: string[] };

export interface ListQuery {
  conditions: Condition[];
  /**
   * `list` leaves out what only a show page reads (long texts, rule evidence) for a short excerpt
   * and the failed rules; `records` gives whole records: a filter on ids alone is react-admin's
   * getMany, which fetches the records themselves.
   */
  projection: 'list' | 'records';
  sort: { field: string; order: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/** A list request the protocol cannot serve; `param` names the query parameter at fault. */
export class InvalidListQuery extends Error {
  constructor(
    readonly param: 'filter' | 'sort' | 'range',
    message: string,
  ) {
    super(message);
  }
}

function parseJsonParam(param: InvalidListQuery['param'], raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new InvalidListQuery(param, `${param} is not valid JSON`);
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One filter value read as the field's kind, as stored in the database (booleans are 0/1). */
function fieldValue(field: string, spec: FieldSpec, raw: unknown): string | number {
  const fail = (expected: string): never => {
    throw new InvalidListQuery('filter', `filter ${field} expects ${expected}`);
  };
  switch (spec.kind) {
    case 'id':
    case 'ref':
    case 'int': {
      const n = typeof raw === 'string' && /^-?\d{1,15}$/.test(raw) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) fail('an integer');
      return n as number;
    }
    case 'bool':
      if (raw === true || raw === 'true') return 1;
      if (raw === false || raw === 'false') return 0;
      return fail('true or false');
    case 'enum':
      if (typeof raw !== 'string' || !spec.values?.includes(raw)) fail(`one of ${spec.values?.join(', ')}`);
      return raw as string;
    case 'date':
    case 'datetime': {
      if (
        typeof raw !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?)?$/.test(raw)
      ) {
        fail('an ISO date');
      }
      const text = raw as string;
      if (spec.kind === 'date' || text.length === 10) return text;
      // Timestamps are stored as toISOString() text; a bound written another way must compare as one.
      const instant = new Date(text.endsWith('Z') ? text : `${text}Z`);
      if (Number.isNaN(instant.getTime())) fail('an ISO date');
      return instant.toISOString();
    }
    case 'text':
      if (typeof raw !== 'string' || raw.length > maxSearchLength)
        fail(`a string of at most ${maxSearchLength} characters`);
      return raw as string;
    case 'json':
      return fail('nothing: it cannot be filtered');
  }
}

function parseFilter(spec: ResourceSpec, raw: string | undefined): Condition[] {
  if (raw === undefined || raw === '') return [];
  const filter = parseJsonParam('filter', raw);
  if (!isPlainObject(filter)) throw new InvalidListQuery('filter', 'filter must be a JSON object');
  const conditions: Condition[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'q') {
      if (typeof value !== 'string' || value.length > maxSearchLength) {
        throw new InvalidListQuery('filter', `q must be a string of at most ${maxSearchLength} characters`);
      }
      const terms = searchTerms(value);
      if (terms.length > 0) conditions.push({ op: 'search', terms });
      continue;
    }
    if (key === 'ruleId' && isChecked(spec.name)) {
      conditions.push({ op: 'failedRule', resource: spec.name, ruleIds: parseRuleIds(spec.name, value) });
      continue;
    }
    const range = /^(.+)_(gte|lte)$/.exec(key);
    const field = range ? range[1] : key;
    const fieldSpec = lookUp(spec.fields, field);
    if (!fieldSpec) throw new InvalidListQuery('filter', `${spec.name} cannot be filtered by ${key}`);
    if (range) {
      if (!['id', 'ref', 'int', 'date', 'datetime'].includes(fieldSpec.kind)) {
        throw new InvalidListQuery('filter', `${key}: only numbers and dates take _gte and _lte`);
      }
      let bound = fieldValue(key, fieldSpec, value);
      // A date-only upper bound on a timestamp means "through the end of that day".
      if (
        range[2] === 'lte' &&
        fieldSpec.kind === 'datetime' &&
        typeof bound === 'string' &&
        bound.length === 10
      ) {
        bound = `${bound}T23:59:59.999Z`;
      }
      conditions.push({ op: range[2] as 'gte' | 'lte', field, value: bound });
    } else if (value === null) {
      conditions.push({ op: 'isNull', field });
    } else if (Array.isArray(value)) {
      if (value.length > maxPageSize)
        throw new InvalidListQuery('filter', `${key} lists at most ${maxPageSize} values`);
      conditions.push({ op: 'in', field, values: value.map((v) => fieldValue(key, fieldSpec, v)) });
    } else {
      conditions.push({ op: 'eq', field, value: fieldValue(key, fieldSpec, value) });
    }
  }
  return conditions;
}

function parseRuleIds(type: CheckedType, value: unknown): string[] {
  const ids = Array.isArray(value) ? value : [value];
  for (const id of ids) {
    if (typeof id !== 'string' || !rulesByType[type].some((rule) => rule.id === id)) {
      throw new InvalidListQuery('filter', `ruleId: ${type} have no rule ${JSON.stringify(id).slice(0, 60)}`);
    }
  }
  return ids as string[];
}

function parseSort(spec: ResourceSpec, raw: string | undefined): ListQuery['sort'] {
  if (raw === undefined || raw === '') return { field: 'id', order: 'asc' };
  const sort = parseJsonParam('sort', raw);
  if (
    !Array.isArray(sort) ||
    sort.length !== 2 ||
    typeof sort[0] !== 'string' ||
    typeof sort[1] !== 'string'
  ) {
    throw new InvalidListQuery('sort', 'sort must be ["field","ASC"|"DESC"]');
  }
  const [field, order] = sort as [string, string];
  if (!spec.sortable.includes(field)) {
    throw new InvalidListQuery(
      'sort',
      `${spec.name} can be sorted by ${spec.sortable.join(', ')}, not ${field}`,
    );
  }
  const normalized = order.toLowerCase();
  if (normalized !== 'asc' && normalized !== 'desc')
    throw new InvalidListQuery('sort', 'sort order must be ASC or DESC');
  return { field, order: normalized };
}

function parseRange(raw: string | undefined): Pick<ListQuery, 'offset' | 'limit'> {
  if (raw === undefined || raw === '') return { offset: 0, limit: maxPageSize };
  const range = parseJsonParam('range', raw);
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !range.every((n) => Number.isSafeInteger(n) && n >= 0) ||
    range[1] < range[0]
  ) {
    throw new InvalidListQuery('range', 'range must be [first, last] with 0 <= first <= last');
  }
  const [first, last] = range as [number, number];
  if (last - first + 1 > maxPageSize)
    throw new InvalidListQuery('range', `range spans at most ${maxPageSize} rows`);
  return { offset: first, limit: last - first + 1 };
}

/**
 * The words of a search as both databases index text: runs of letters and digits, lower-cased, at
 * most eight ("dana.whit" searches "dana" and words starting "whit").
 */
export function searchTerms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

export function parseListQuery(
  spec: ResourceSpec,
  params: { filter?: string; sort?: string; range?: string },
): ListQuery {
  const conditions = parseFilter(spec, params.filter);
  const [only] = conditions;
  const byIds = conditions.length === 1 && (only.op === 'in' || only.op === 'eq') && only.field === 'id';
  return {
    conditions,
    projection: byIds ? 'records' : 'list',
    sort: parseSort(spec, params.sort),
    ...parseRange(params.range),
  };
}
