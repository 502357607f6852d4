import type { Role } from './model';
import { type ResourceName, resourceNames } from './resources';

/**
 * Who may do what. The server enforces this table on every request; the SPA reads the same
 * table to decide which menus, buttons and bulk actions to show, so the two cannot disagree.
 *
 * - moderator: decides answers, reviews and photos
 * - verifier: decides doctors' credentials
 * - senior: both, plus escalated items and reverting anyone's decision
 * - admin: everything, plus moderators and rule settings
 */

export type Permission =
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  /** approve / reject / escalate content, or verify / reject / suspend / reinstate doctors */
  | 'decide'
  /** decide items a moderator escalated */
  | 'decideEscalated'
  /** revert a decision someone else took, or one older than the undo window */
  | 'revertAny'
  /** verify the audit chain */
  | 'verifyAudit';

const content = ['answers', 'reviews', 'photos'] as const;
const everything = [...resourceNames, 'rules', 'settings'] as const;

/**
 * What permissions are granted on: the stored resources, the rules' settings, the console's, and
 * quality checks (whose sampling seniors set and whose disputes they settle).
 */
export type Guarded = ResourceName | 'rules' | 'settings' | 'quality';

type Grant = Partial<Record<Guarded, readonly Permission[]>>;

const grant = (resources: readonly Guarded[], permissions: readonly Permission[]): Grant =>
  Object.fromEntries(resources.map((r) => [r, permissions]));

const merge = (...grants: Grant[]): Grant => {
  const merged: Record<string, Permission[]> = {};
  for (const g of grants) {
    for (const [resource, permissions] of Object.entries(g)) {
      merged[resource] = [...new Set([...(merged[resource] ?? []), ...permissions])];
    }
  }
  return merged;
};

const reader = grant(everything, ['read']);
const moderator = merge(reader, grant(content, ['decide']));
const verifier = merge(reader, grant(['doctors'], ['decide', 'update']));
const senior = merge(
  moderator,
  verifier,
  grant([...content, 'doctors'], ['decideEscalated', 'revertAny']),
  grant(['quality'], ['update']),
);
const admin = merge(
  senior,
  grant(['doctors', 'questions', ...content], ['create', 'update', 'delete']),
  grant(['moderators'], ['create', 'update']),
  grant(['audit'], ['verifyAudit']),
  grant(['rules', 'settings'], ['update']),
);

export const permissionTable: Record<Role, Grant> = { moderator, verifier, senior, admin };

export function can(role: Role, permission: Permission, resource: Guarded): boolean {
  return permissionTable[role][resource]?.includes(permission) ?? false;
}

/** The generic REST method each permission stands behind. */
export const methodPermission = {
  GET: 'read',
  POST: 'create',
  PUT: 'update',
  DELETE: 'delete',
} as const satisfies Record<string, Permission>;
