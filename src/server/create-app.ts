/**
 * The HTTP API (a face, like the CLI): it authenticates the caller and calls the core services with that user, so the
 * access rules (no read up, one NOT_FOUND for missing and hidden objects, audited reads) are the core's, not the API's.
 */
import type { HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { AssayError } from '../errors/index.js';
import { listRunsFor, readRunFor } from '../governance/access/runs/index.js';
import { recordAudit } from '../governance/audit/record-audit.js';
import { signIn } from '../governance/identity/sign-in.js';
import type { User } from '../governance/identity/user.js';
import { isReportFormat, REPORT_FORMATS } from '../report/index.js';
import { renderRunReportFor } from '../report/render-run-report.js';
import { authenticate, unauthenticated } from './authenticate.js';
import { errorResponse } from './error-response.js';
import { LoginThrottle } from './login-throttle.js';
import type { ServerDeps } from './server-deps.js';

type Env = { Bindings: HttpBindings; Variables: { viewer: User; tokenId: string | undefined } };

const CONTENT_TYPES = { html: 'text/html; charset=utf-8', md: 'text/markdown; charset=utf-8', json: 'application/json', junit: 'application/xml' } as const;

/**
 * The API as a Hono app; `serve()` (serve.ts) puts it on HTTP or HTTPS with optional client certificates.
 * @example const app = createApp({ store, identities, audit }); const res = await app.request('/api/health');
 */
export function createApp(deps: ServerDeps): Hono<Env> {
  const app = new Hono<Env>();
  const now = deps.now ?? Date.now;
  const throttle = new LoginThrottle(deps.maxFailedLogins ?? 5, 15 * 60_000, now);

  app.onError((err, c) => errorResponse(c, err));
  app.notFound((c) => errorResponse(c, new AssayError('NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`, { hint: 'See docs/ARCHITECTURE.md (HTTP API) for the routes.' })));
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  });

  app.get('/api/health', (c) => c.json({ ok: true }));

  app.post('/api/login', async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as { user?: unknown; password?: unknown } | undefined;
    if (typeof body?.user !== 'string' || typeof body.password !== 'string') {
      throw new AssayError('USAGE', 'POST /api/login takes a JSON body {"user": "<id>", "password": "<password>"}.');
    }
    const key = `${body.user}\u0000${c.env?.incoming?.socket?.remoteAddress ?? '?'}`;
    const wait = throttle.retryAfter(key);
    if (wait > 0) {
      await recordAudit(deps.audit, { action: 'login', actor: body.user, outcome: 'denied', object: { type: 'user', id: body.user, label: 'UNCLASSIFIED' }, details: { method: 'password', reason: 'locked-out' } });
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new AssayError('LIMIT_EXCEEDED', 'Too many failed sign-ins; try again later.', { hint: 'An administrator can reset the password with `assay users passwd`.' });
    }
    let user: User;
    try {
      user = await signIn({ userId: body.user, credential: { password: body.password }, identities: deps.identities, audit: deps.audit });
    } catch (err) {
      throttle.fail(key);
      if (err instanceof AssayError && err.code === 'UNAUTHENTICATED') throw unauthenticated();
      throw err;
    }
    throttle.succeed(key);
    const ttlMs = deps.sessionTtlMs ?? 8 * 3600_000;
    const { token, record } = await deps.identities.issueToken(user.id, { name: 'session', ttlMs });
    return c.json({ token, tokenId: record.id, expiresAt: record.expiresAt, user: { id: user.id, roles: user.roles, clearance: user.clearance } });
  });

  app.use('/api/*', async (c, next) => {
    const { user, tokenId } = await authenticate(c, deps);
    c.set('viewer', user);
    c.set('tokenId', tokenId);
    await next();
  });

  app.get('/api/me', (c) => {
    const v = c.get('viewer');
    return c.json({ id: v.id, name: v.name, roles: v.roles, clearance: v.clearance });
  });

  app.post('/api/logout', async (c) => {
    const tokenId = c.get('tokenId');
    if (tokenId !== undefined) await deps.identities.revokeToken(tokenId);
    await recordAudit(deps.audit, { action: 'logout', actor: c.get('viewer').id, object: { type: 'user', id: c.get('viewer').id, label: 'UNCLASSIFIED' } });
    return c.json({ ok: true });
  });

  app.get('/api/runs', async (c) => {
    const limit = Number(c.req.query('limit') ?? '100');
    const runs = await listRunsFor(c.get('viewer'), deps.store, { audit: deps.audit, limit: Number.isFinite(limit) && limit > 0 ? limit : 100, verb: 'api.list' });
    return c.json({ runs: runs.map((r) => ({ id: r.id, task: r.task, model: r.model, status: r.status, label: r.label, createdAt: r.createdAt, finishedAt: r.finishedAt })) });
  });

  app.get('/api/runs/:id', async (c) => {
    const { run, results, metrics } = await readRunFor(c.get('viewer'), deps.store, c.req.param('id'), { audit: deps.audit, verb: 'api.show' });
    c.header('X-Assay-Label', run.label);
    const { config: _config, ...summary } = run;
    return c.json({ label: run.label, run: summary, metrics, samples: results.length });
  });

  app.get('/api/runs/:id/report', async (c) => {
    const format = c.req.query('format') ?? 'html';
    if (!isReportFormat(format)) throw new AssayError('USAGE', `Unknown report format "${format}".`, { hint: `Use one of: ${REPORT_FORMATS.join(', ')}.` });
    const { text, run } = await renderRunReportFor(c.get('viewer'), deps.store, c.req.param('id'), format, { audit: deps.audit, verb: 'api.report', action: 'export', now: () => new Date(now()) });
    await recordAudit(deps.audit, { action: 'report.write', actor: c.get('viewer').id, object: { type: 'run', id: run.id, label: run.label }, details: { format, via: 'api', bytes: Buffer.byteLength(text) } });
    c.header('X-Assay-Label', run.label);
    if (format === 'html') c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
    return c.body(text, 200, { 'Content-Type': CONTENT_TYPES[format] });
  });

  app.get('/api/datasets', async (c) => {
    if (!deps.datasets) throw new AssayError('NOT_FOUND', 'This server has no dataset service.');
    return c.json({ datasets: await deps.datasets.listDatasets(c.get('viewer')) });
  });

  app.get('/api/datasets/:name', async (c) => {
    if (!deps.datasets) throw new AssayError('NOT_FOUND', 'This server has no dataset service.');
    const version = c.req.query('version');
    const info = await deps.datasets.getVersion(c.get('viewer'), c.req.param('name'), version === undefined ? undefined : Number(version));
    c.header('X-Assay-Label', info.label);
    return c.json(info);
  });

  return app;
}
