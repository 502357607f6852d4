import { z } from 'zod';
import type { RegistryRecord } from '../../src/domain/credentials';
import type { CredentialRegistry, RegistryAnswer } from './registry';

/**
 * The public NPI Registry of NPPES, JSON API version 2.1: `GET {base}?version=2.1&number={npi}`
 * answers `{ result_count, results[] }`, each result with `number`, `enumeration_type`,
 * `basic { first_name, last_name, credential, status, enumeration_date, last_updated }`,
 * `taxonomies[]` and `addresses[]`. An NPI the registry does not publish (never issued, or
 * deactivated) answers a result count of 0; a malformed query answers `Errors`.
 */

export interface NppesOptions {
  /** The API's address, e.g. https://npiregistry.cms.hhs.gov/api/ */
  baseUrl: string;
  /** A lookup that takes longer is given up as unreachable. */
  timeoutMs: number;
  /** The HTTP client: the global fetch, or a recorded registry's. */
  fetch?: (url: string, init: { signal: AbortSignal }) => Promise<Response>;
}

const text = z.string().max(400);
const optionalText = text.nullish().transform((value) => value?.trim() || null);

const individualBasic = z.object({
  first_name: optionalText,
  last_name: optionalText,
  // Organisations carry their name here instead of a person's.
  organization_name: optionalText,
  credential: optionalText,
  status: text.nullish(),
  enumeration_date: optionalText,
  last_updated: optionalText,
});

const nppesResult = z.object({
  number: z.union([text, z.number()]).transform(String),
  enumeration_type: text,
  basic: individualBasic,
  taxonomies: z
    .array(
      z.object({
        code: text,
        desc: optionalText,
        primary: z.boolean().nullish(),
        state: optionalText,
        license: optionalText,
      }),
    )
    .max(50)
    .default([]),
  addresses: z
    .array(
      z.object({
        address_purpose: optionalText,
        city: optionalText,
        state: optionalText,
        postal_code: optionalText,
        telephone_number: optionalText,
      }),
    )
    .max(20)
    .default([]),
});

const nppesResponse = z.union([
  z.object({ result_count: z.number().int().min(0), results: z.array(nppesResult).max(200).default([]) }),
  z.object({ Errors: z.array(z.object({ description: optionalText })).min(1) }),
]);

/** The body of an NPPES answer, as the console keeps it; what does not fit is a problem, not a record. */
export function readNppesBody(body: unknown, npi: string): RegistryAnswer {
  const parsed = nppesResponse.safeParse(body);
  if (!parsed.success) {
    return {
      outcome: 'unreachable',
      problem: 'the registry answered something that is not an NPPES response',
    };
  }
  if ('Errors' in parsed.data) {
    const said = parsed.data.Errors.map((e) => e.description)
      .filter(Boolean)
      .join('; ');
    return {
      outcome: 'unreachable',
      problem: `the registry refused the query: ${said || 'no reason given'}`,
    };
  }
  const result = parsed.data.results.find((r) => r.number === npi);
  if (parsed.data.result_count === 0 || !result) return { outcome: 'not_found' };
  const { basic } = result;
  const record: RegistryRecord = {
    number: result.number,
    enumerationType: result.enumeration_type,
    firstName: basic.first_name ?? '',
    lastName: basic.last_name ?? basic.organization_name ?? '',
    credential: basic.credential,
    status: basic.status ?? 'A',
    enumerationDate: basic.enumeration_date,
    lastUpdated: basic.last_updated,
    taxonomies: result.taxonomies.map((t) => ({
      code: t.code,
      desc: t.desc ?? t.code,
      primary: t.primary ?? false,
      state: t.state,
      license: t.license,
    })),
    addresses: result.addresses.map((a) => ({
      purpose: a.address_purpose ?? '',
      city: a.city ?? '',
      state: a.state ?? '',
      postalCode: a.postal_code ?? '',
      phone: a.telephone_number,
    })),
  };
  return { outcome: 'found', record };
}

/** Bodies larger than this are not an answer about one NPI. */
const maxBodyBytes = 512 * 1024;

type Fetch = NonNullable<NppesOptions['fetch']>;

/** One request and its answer, read as far as it is an NPPES answer. */
async function exchange(get: Fetch, url: string, npi: string, signal: AbortSignal): Promise<RegistryAnswer> {
  try {
    const response = await get(url, { signal });
    if (!response.ok) {
      // Not awaited: some clients settle a cancelled body late, and the answer is already known.
      void response.body?.cancel().catch(() => undefined);
      const said = response.statusText ? `: ${response.statusText}` : '';
      return { outcome: 'unreachable', problem: `the registry answered HTTP ${response.status}${said}` };
    }
    const raw = await response.text();
    if (raw.length > maxBodyBytes) {
      return { outcome: 'unreachable', problem: 'the registry answered with an oversized body' };
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return { outcome: 'unreachable', problem: 'the registry answered with something that is not JSON' };
    }
    return readNppesBody(body, npi);
  } catch (error) {
    return {
      outcome: 'unreachable',
      problem: `the registry could not be reached (${(error as Error)?.message ?? 'network error'})`,
    };
  }
}

export function nppesRegistry({ baseUrl, timeoutMs, fetch }: NppesOptions): CredentialRegistry {
  // The global fetch is looked up per request, not kept: whoever wraps it later (a proxy agent,
  // a test's mock server) is honoured.
  const get = fetch ?? ((url: string, init: { signal: AbortSignal }) => globalThis.fetch(url, init));
  return {
    source: 'nppes',
    async lookup(npi) {
      const url = new URL(baseUrl);
      url.searchParams.set('version', '2.1');
      url.searchParams.set('number', npi);
      const abort = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      // One deadline for the whole exchange, kept by a timer of our own: a registry that stalls
      // mid-body, or a client that does not honour the abort, must not hold the lookup either.
      const deadline = new Promise<RegistryAnswer>((resolve) => {
        timer = setTimeout(() => {
          abort.abort();
          resolve({
            outcome: 'unreachable',
            problem: `the registry did not answer within ${timeoutMs / 1000} s`,
          });
        }, timeoutMs);
      });
      try {
        return await Promise.race([exchange(get, url.toString(), npi, abort.signal), deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
