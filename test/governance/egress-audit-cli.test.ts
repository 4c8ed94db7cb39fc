// A blocked egress attempt during `assay eval` is refused, never reaches its destination, and is audited.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonOutput, runCli } from '../helpers/cli.js';
import { listen } from './egress-listeners.js';

const FIX = path.resolve(import.meta.dirname, '../fixtures/eval');

describe('egress during assay eval', () => {
  it('a model endpoint that redirects to an unconfigured host is blocked, and the attempt is in the audit log', async () => {
    const elsewhere = await listen('127.0.0.2', (_req, _body, res) => res.end('{}'));
    const model = await listen('127.0.0.1', (_req, _body, res) => {
      res.writeHead(307, { location: `${elsewhere.origin}/v1/chat/completions` });
      res.end();
    });
    const home = mkdtempSync(path.join(tmpdir(), 'assay-egress-audit-'));
    const env = { ASSAY_HOME: home, ASSAY_DATABASE_URL: '' };
    try {
      const r = await runCli(['eval', path.join(FIX, 'arith.jsonl'), '--model', 'openai-compatible/m', '-M', `base_url=${model.origin}/v1`, '-M', 'max_retries=0', '--limit', '1', '--no-cache', '--output', 'json'], { env });
      expect(r.code).toBe(3);
      expect(parseJsonOutput<{ status: string; error: string }>(r).error).toMatch(/^EGRESS_BLOCKED/);
      expect(elsewhere.connections()).toBe(0);

      const out = path.join(home, 'audit.jsonl');
      expect((await runCli(['audit', 'export', '--format', 'jsonl', '--out', out], { env })).code).toBe(0);
      const entries = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action?: string; outcome?: string; object?: { id: string } });
      const blocked = entries.filter((e) => e.action === 'egress.blocked');
      expect(blocked.length).toBeGreaterThanOrEqual(1);
      expect(blocked[0]).toMatchObject({ outcome: 'denied', object: { id: `127.0.0.2:${elsewhere.port}` } });
      expect((await runCli(['audit', 'verify', '--output', 'json'], { env })).code).toBe(0);
    } finally {
      await Promise.all([model.close(), elsewhere.close()]);
      rmSync(home, { recursive: true, force: true });
    }
  });
});
