import type { RegistryRecord, RegistrySource } from '../../src/domain/credentials';

/**
 * A credential registry: the NPI registry today, a state medical board's license search
 * tomorrow. An adapter asks one registry about one subject and says what came back; it never
 * throws for the registry's sake, since a registry that is slow, down or answers garbage must
 * leave a doctor's checks `unknown`, never failed.
 */
export interface CredentialRegistry {
  source: RegistrySource;
  lookup(subject: string): Promise<RegistryAnswer>;
}

export type RegistryAnswer =
  | { outcome: 'found'; record: RegistryRecord }
  | { outcome: 'not_found' }
  /** No usable answer: a timeout, a network error, a 5xx, or a body not of the registry's shape. */
  | { outcome: 'unreachable'; problem: string };
