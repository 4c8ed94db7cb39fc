/** `assay users …`: accounts, roles, clearances, passwords and API tokens (admins only; the core enforces it). */
import type { Command } from 'commander';
import { addUser, createUserToken, listUsers, revokeUserToken, setUser, setUserPassword, showUser, type UserAdminContext } from '../../governance/access/user-admin.js';
import { openAuditLog } from '../../governance/audit/open-audit-log.js';
import { KyselyIdentityStore } from '../../governance/identity/kysely-identity-store.js';
import { ROLES, type Role } from '../../governance/identity/roles.js';
import type { User, UserPatch } from '../../governance/identity/user.js';
import { KyselyStore } from '../../store/kysely-store.js';
import { openStore } from '../../store/open-store.js';
import { currentUser } from '../current-user.js';
import { createIo, usage, type Io, type OutputMode } from '../output.js';

type Flags = { output: OutputMode };

async function withAdmin(flags: Flags, fn: (ctx: UserAdminContext, io: Io) => Promise<void>): Promise<void> {
  const store = await openStore();
  try {
    if (!(store instanceof KyselyStore)) throw usage('User management needs the SQLite or PostgreSQL store.');
    const by = await currentUser({ store });
    await fn({ by, identities: new KyselyIdentityStore({ db: store.db }), audit: openAuditLog(store, { actor: by.id }) }, createIo(flags.output));
  } finally {
    await store.close();
  }
}

function roles(text: string): Role[] {
  const list = text.split(',').map((r) => r.trim()).filter(Boolean);
  const bad = list.find((r) => !(ROLES as readonly string[]).includes(r));
  if (bad !== undefined || list.length === 0) throw usage(`Unknown role "${bad ?? ''}".`, `Roles: ${ROLES.join(', ')} (comma-separated).`);
  return list as Role[];
}

/** The new password from ASSAY_NEW_PASSWORD or stdin (never argv, so it stays out of shell history and `ps`). */
async function newPassword(): Promise<string> {
  const fromEnv = process.env.ASSAY_NEW_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) throw usage('Give the password on stdin or in ASSAY_NEW_PASSWORD.', 'e.g. `read -s P; printf %s "$P" | assay users passwd ann`.');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (text === '') throw usage('No password was given on stdin or in ASSAY_NEW_PASSWORD.', 'Pipe it in, or set ASSAY_NEW_PASSWORD.');
  return text;
}

const line = (u: User) => `${u.id}  ${u.roles.join(',')}  ${u.clearance}${u.disabled ? '  (disabled)' : ''}  ${u.name}`;
const out = { option: ['--output <mode>', 'text or json', 'text'] as const };

export function registerUsers(program: Command): void {
  const users = program.command('users').description('manage users, roles, clearances, passwords and API tokens (admin)');

  users.command('add').argument('<id>').description('add a user')
    .requiredOption('--roles <list>', `comma-separated: ${ROLES.join(', ')}`)
    .requiredOption('--clearance <marking>', 'e.g. "SECRET//NOFORN"')
    .option('--name <name>', 'display name (default: the id)')
    .option('--password', 'also set a password (from ASSAY_NEW_PASSWORD or stdin)')
    .option(...out.option)
    .action((id: string, f: Flags & { roles: string; clearance: string; name?: string; password?: boolean }) =>
      withAdmin(f, async (ctx, io) => {
        const user = await addUser(ctx, { id, name: f.name ?? id, roles: roles(f.roles), clearance: f.clearance }, f.password ? await newPassword() : undefined);
        io.result({ user }, () => `added ${line(user)}`);
      }));

  users.command('list').description('list users').option(...out.option)
    .action((f: Flags) => withAdmin(f, async (ctx, io) => {
      const all = await listUsers(ctx);
      io.result({ users: all }, () => (all.length ? all.map(line).join('\n') : 'No users yet. Add one with `assay users add`.'));
    }));

  users.command('show').argument('<id>').description('show a user and their tokens (never the secrets)').option(...out.option)
    .action((id: string, f: Flags) => withAdmin(f, async (ctx, io) => {
      const r = await showUser(ctx, id);
      io.result(r, () => [line(r.user), ...r.tokens.map((t) => `  token ${t.id} ${t.name} expires ${t.expiresAt}${t.revokedAt ? ' (revoked)' : ''}`)].join('\n'));
    }));

  users.command('set').argument('<id>').description('change name, roles, clearance, or enable/disable')
    .option('--name <name>').option('--roles <list>').option('--clearance <marking>').option('--enable').option('--disable').option(...out.option)
    .action((id: string, f: Flags & { name?: string; roles?: string; clearance?: string; enable?: boolean; disable?: boolean }) =>
      withAdmin(f, async (ctx, io) => {
        if (f.enable && f.disable) throw usage('Give --enable or --disable, not both.');
        const patch: UserPatch = { ...(f.name && { name: f.name }), ...(f.roles && { roles: roles(f.roles) }), ...(f.clearance && { clearance: f.clearance }), ...(f.enable && { disabled: false }), ...(f.disable && { disabled: true }) };
        if (Object.keys(patch).length === 0) throw usage('Nothing to change.', 'Give --name, --roles, --clearance, --enable or --disable.');
        const user = await setUser(ctx, id, patch);
        io.result({ user }, () => `updated ${line(user)}`);
      }));

  users.command('disable').argument('<id>').description('disable a user (their tokens and password stop working)').option(...out.option)
    .action((id: string, f: Flags) => withAdmin(f, async (ctx, io) => {
      const user = await setUser(ctx, id, { disabled: true });
      io.result({ user }, () => `disabled ${line(user)}`);
    }));

  users.command('passwd').argument('<id>').description('set a password (from ASSAY_NEW_PASSWORD or stdin, never argv)').option(...out.option)
    .action((id: string, f: Flags) => withAdmin(f, async (ctx, io) => {
      await setUserPassword(ctx, id, await newPassword());
      io.result({ id, password: 'set' }, () => `password set for ${id}`);
    }));

  const token = users.command('token').description('API tokens');
  token.command('create').argument('<userId>').description('issue a token; it is shown once, only its hash is kept')
    .option('--name <name>', 'what the token is for').option('--ttl-days <n>', 'lifetime in days', '90').option(...out.option)
    .action((userId: string, f: Flags & { name?: string; ttlDays: string }) => withAdmin(f, async (ctx, io) => {
      const days = Number(f.ttlDays);
      if (!(days > 0)) throw usage(`--ttl-days must be a positive number (got "${f.ttlDays}").`);
      const issued = await createUserToken(ctx, userId, { name: f.name, ttlMs: days * 24 * 3600 * 1000 });
      io.result({ token: issued.token, record: issued.record }, () => `${issued.token}\n(token ${issued.record.id} for ${userId}, expires ${issued.record.expiresAt}; shown once: store it now)`);
    }));
  token.command('revoke').argument('<tokenId>').description('revoke a token by id').option(...out.option)
    .action((tokenId: string, f: Flags) => withAdmin(f, async (ctx, io) => {
      await revokeUserToken(ctx, tokenId);
      io.result({ tokenId, revoked: true }, () => `revoked ${tokenId}`);
    }));
}
