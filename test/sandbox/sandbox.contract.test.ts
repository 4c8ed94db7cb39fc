// The Sandbox contract, run against every implementation: limits hold for bubblewrap and for the unsandboxed fallback.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandbox, DEFAULT_SANDBOX_LIMITS, UnsandboxedSandbox, type Sandbox, type SandboxLimits } from '../../src/sandbox/index.js';

const LIMITS: SandboxLimits = { ...DEFAULT_SANDBOX_LIMITS, cpuSeconds: 5, wallSeconds: 20, memoryMb: 256, maxOutputBytes: 64 * 1024 };
const BOMB_PROCESSES = 16;

const IMPLEMENTATIONS: Array<[string, () => Sandbox]> = [
  ['bubblewrap', () => createSandbox()],
  ['unsandboxed', () => new UnsandboxedSandbox()],
];

const py = (sandbox: Sandbox, code: string, limits: Partial<SandboxLimits> = {}, file = 'main.py') =>
  sandbox.run({ language: 'python', files: { [file]: code }, command: [file], limits: { ...LIMITS, ...limits } });

/** Host processes whose command line mentions `marker`. */
function processesWith(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

/** Waits (up to 10 s) for processes to be reaped after a SIGKILL; returns those still there. */
async function survivors(marker: string): Promise<number[]> {
  for (let i = 0; i < 100; i++) {
    const left = processesWith(marker);
    if (left.length === 0) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
  return processesWith(marker);
}

describe.each(IMPLEMENTATIONS)('Sandbox contract: %s', (name, make) => {
  const sandbox = make();

  it('runs Python and JavaScript with files, arguments and stdin, and reports the exit code', async () => {
    const r = await sandbox.run({
      language: 'python',
      files: { 'main.py': 'import sys, helper\nprint(helper.twice(sys.stdin.read().strip()), sys.argv[1])\nsys.exit(3)', 'helper.py': 'def twice(s): return s * 2' },
      command: ['main.py', 'arg'],
      stdin: 'ab\n',
      limits: LIMITS,
    });
    expect(r).toMatchObject({ exitCode: 3, signal: null, stdout: 'abab arg\n', timedOut: false });
    expect(r.killedReason).toBeUndefined();
    const js = await sandbox.run({ language: 'javascript', files: { 'lib/a.js': 'module.exports = 41;', 'main.js': 'console.log(require("./lib/a.js") + 1)' }, command: ['main.js'], limits: LIMITS });
    expect(js).toMatchObject({ exitCode: 0, stdout: '42\n' });
  });

  it('kills an infinite loop at the CPU limit', async () => {
    const r = await py(sandbox, 'while True:\n    pass', { cpuSeconds: 1 });
    expect(r.signal).toBe('SIGXCPU');
    expect(r.exitCode).toBeNull();
    expect(r.killedReason).toBe('cpu');
    expect(r.timedOut).toBe(false);
  });

  it('kills a sleeping program at the wall-clock limit', async () => {
    const r = await py(sandbox, 'import time\ntime.sleep(600)', { wallSeconds: 1 });
    expect(r.timedOut).toBe(true);
    expect(r.killedReason).toBe('timeout');
    expect(r.exitCode).toBeNull();
  });

  // Unsandboxed and not root, RLIMIT_NPROC would count all the user's processes, so it is not set (the warning says so).
  it.skipIf(name === 'unsandboxed' && process.getuid?.() !== 0)('contains a fork bomb: forks fail at the process limit, and nothing survives the run', async () => {
    const counted = await py(sandbox, [
      'import os, sys, time',
      'kids = 0',
      'try:',
      '    while True:',
      '        if os.fork() == 0:',
      '            time.sleep(600)',
      '            os._exit(0)',
      '        kids += 1',
      'except OSError as e:',
      '    print("contained after", kids, "errno", e.errno, flush=True)',
      '    sys.exit(3)',
    ].join('\n'), { maxProcesses: BOMB_PROCESSES }, 'counted-bomb-7f3a.py');
    expect(counted.exitCode).toBe(3);
    const kids = Number(/contained after (\d+) errno 11/.exec(counted.stdout)?.[1]);
    expect(kids).toBeGreaterThan(0);
    expect(kids).toBeLessThan(BOMB_PROCESSES);
    expect(await survivors('counted-bomb-7f3a')).toEqual([]);

    const bomb = await py(sandbox, 'import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass', { wallSeconds: 2, maxProcesses: BOMB_PROCESSES }, 'fork-bomb-9c1e.py');
    expect(bomb.exitCode).toBeNull();
    expect(['timeout', 'cpu']).toContain(bomb.killedReason);
    expect(await survivors('fork-bomb-9c1e')).toEqual([]);
  });

  it('stops a memory hog at the memory limit', async () => {
    const r = await py(sandbox, 'blocks = []\nwhile True:\n    blocks.append(bytearray(10 ** 7))', { memoryMb: 128 });
    expect(r.exitCode).not.toBe(0);
    expect(r.killedReason).toBe('memory');
    expect(r.stderr).toContain('MemoryError');
    const js = await sandbox.run({ language: 'javascript', files: { 'main.js': 'const a = []; for (;;) a.push(Buffer.alloc(1e7, 1));' }, command: ['main.js'], limits: { ...LIMITS, memoryMb: 128 } });
    expect(js.exitCode).not.toBe(0);
    expect(js.killedReason).toBe('memory');
  });

  it('caps the output and kills a program that keeps printing', async () => {
    const r = await py(sandbox, 'while True:\n    print("x" * 1000)', { maxOutputBytes: 10_000 });
    expect(r.killedReason).toBe('output');
    expect(r.stdout.length + r.stderr.length).toBe(10_000);
    expect(r.stdout).toMatch(/^x+\n/);
  });

  it('rejects with ABORTED when cancelled', async () => {
    const controller = new AbortController();
    const run = sandbox.run({ language: 'python', files: { 'main.py': 'import time\ntime.sleep(600)' }, command: ['main.py'], limits: LIMITS }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('gives the program none of Assay\'s environment', async () => {
    process.env['ASSAY_SANDBOX_TEST_SECRET'] = 'sk-sandbox-canary';
    try {
      const r = await py(sandbox, 'import os\nprint(sorted(os.environ))\nprint(os.environ.get("ASSAY_SANDBOX_TEST_SECRET"))');
      expect(r.stdout).not.toContain('sk-sandbox-canary');
      expect(r.stdout).toContain('None');
    } finally {
      delete process.env['ASSAY_SANDBOX_TEST_SECRET'];
    }
  });
});
