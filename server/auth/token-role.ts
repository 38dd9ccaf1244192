import type { Role } from '../db/tables.ts';

/**
 * The role a token acts with: the token's own, as long as its owner still holds it. An admin
 * may hold any token; a demoted owner's admin token falls back to the owner's role; a token of
 * another non-admin role than its owner's acts with nothing (null: refused), since roles other
 * than admin do not contain each other (editors build flows, agents answer the inbox).
 * System tokens (no owner, CLI-made) act with their own role.
 */
export function tokenRole(tokenRole: Role, ownerRole: Role | null): Role | null {
  if (ownerRole === null || ownerRole === 'admin') return tokenRole;
  if (tokenRole === 'admin' || tokenRole === ownerRole) return ownerRole;
  // A supervisor is an agent too: their agent token acts as an agent.
  if (ownerRole === 'supervisor' && tokenRole === 'agent') return 'agent';
  return null;
}
