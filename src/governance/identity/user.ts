/** A user (subject): roles and a clearance label; the input schema is the one place user data is checked. */
import { z } from 'zod';
import { AssayError } from '../../errors/index.js';
import { normalizeClearance } from './clearance.js';
import { ROLES, type Role } from './roles.js';

/** A subject of access decisions. `clearance` is a canonical banner marking (see normalizeClearance). */
export interface User {
  id: string;
  name: string;
  roles: readonly Role[];
  clearance: string;
  disabled: boolean;
}

/** Input for a new user: id without spaces, at least one role, a clearance that parses. */
export const NEW_USER_SCHEMA = z.object({
  id: z.string().regex(/^[A-Za-z0-9._@:-]{1,128}$/, 'letters, digits and . _ @ : - only (1 to 128)'),
  name: z.string().trim().min(1).max(256),
  roles: z.array(z.enum(ROLES)).min(1),
  clearance: z.string().min(1),
  disabled: z.boolean().default(false),
});

export type NewUser = z.input<typeof NEW_USER_SCHEMA>;

/** A changeable subset of a user; the id never changes. */
export type UserPatch = Partial<Pick<User, 'name' | 'roles' | 'clearance' | 'disabled'>>;

/**
 * Checks a new user and canonicalises it (roles deduplicated in ROLES order, clearance normalised);
 * throws AssayError CONFIG_INVALID on bad input.
 */
export function toUser(input: NewUser): User {
  const result = NEW_USER_SCHEMA.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.');
    throw new AssayError('CONFIG_INVALID', `Invalid user${field ? ` field "${field}"` : ''}: ${issue.message}.`, {
      where: { field },
      hint: `A user needs an id, a name, one or more roles (${ROLES.join(', ')}) and a clearance marking.`,
    });
  }
  const parsed = result.data;
  return {
    id: parsed.id,
    name: parsed.name,
    roles: ROLES.filter((r) => parsed.roles.includes(r)),
    clearance: normalizeClearance(parsed.clearance),
    disabled: parsed.disabled,
  };
}
