import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { nppesRegistry } from './nppes';
import { recordedNppesFetch } from './recorded';
import type { CredentialRegistry } from './registry';

export interface RegistryConfig {
  /** NPI_REGISTRY_URL: the NPPES API's address; absent, the recorded demo registry answers. */
  nppesUrl?: string;
  /** NPI_REGISTRY_TIMEOUT_MS: how long a lookup may take before it counts as unreachable. */
  timeoutMs?: number;
}

export const registryConfig = (env: NodeJS.ProcessEnv = process.env): RegistryConfig => ({
  nppesUrl: env.NPI_REGISTRY_URL || undefined,
  timeoutMs: env.NPI_REGISTRY_TIMEOUT_MS ? Number(env.NPI_REGISTRY_TIMEOUT_MS) : undefined,
});

const defaultTimeoutMs = 4000;
/** Any base will do for the recordings: the adapter only needs a URL to put the query on. */
const recordedBase = 'http://recorded.nppes.invalid/api/';

export function createRegistry(db: Kysely<Database>, config: RegistryConfig = {}): CredentialRegistry {
  const timeoutMs = config.timeoutMs && config.timeoutMs > 0 ? config.timeoutMs : defaultTimeoutMs;
  return config.nppesUrl
    ? nppesRegistry({ baseUrl: config.nppesUrl, timeoutMs })
    : nppesRegistry({ baseUrl: recordedBase, timeoutMs, fetch: recordedNppesFetch(db) });
}
