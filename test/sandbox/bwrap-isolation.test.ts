// What only bubblewrap gives: no network, none of the host's files, a read-only system; and its refusal when missing.
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssayError } from '../../src/errors/index.js';
import { createSandbox, DEFAULT_SANDBOX_LIMITS, type Sandbox } from '../../src/sandbox/index.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const run = (sandbox: Sandbox, code: string) => sandbox.run({ language: 'python', files: { 'main.py': code }, command: ['main.py'], limits: DEFAULT_SANDBOX_LIMITS });

describe('bubblewrap sandbox isolation', () => {
  const sandbox = createSandbox();
  let server: Server;
  let port = 0;
  let connections = 0;
  let hostDir: string;

  beforeAll(async () => {
    server = createServer((socket) => {
      connections++;
      socket.end('hello from the host\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    hostDir = mkdtempSync(path.join(tmpdir(), 'assay-bwrap-host-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(hostDir, { recursive: true, force: true });
  });

  it('is bubblewrap, with no warning', () => {
    expect(sandbox.kind).toBe('bubblewrap');
    expect(sandbox.warning).toBeUndefined();
  });

  it('cannot connect to a port open on the host loopback (Python and JavaScript)', async () => {
    // The same connect succeeds from outside the sandbox, so a failure inside is the sandbox's doing.
    const r = await run(sandbox, [
      'import socket',
      'try:',
      `    socket.create_connection(("127.0.0.1", ${port}), timeout=3)`,
      '    print("CONNECTED")',
      'except OSError as e:',
      '    print("blocked", type(e).__name__)',
    ].join('\n'));
    expect(r.stdout).toMatch(/^blocked /);
    const js = await sandbox.run({
      language: 'javascript',
      files: { 'main.js': `require("net").connect(${port}, "127.0.0.1").on("connect", () => { console.log("CONNECTED"); process.exit(0); }).on("error", (e) => console.log("blocked", e.code));` },
      command: ['main.js'],
      limits: DEFAULT_SANDBOX_LIMITS,
    });
    expect(js.stdout).toMatch(/^blocked /);
    const dns = await run(sandbox, 'import socket\ntry:\n    socket.getaddrinfo("example.com", 80)\n    print("RESOLVED")\nexcept OSError as e:\n    print("blocked")');
    expect(dns.stdout).toBe('blocked\n');
    expect(connections).toBe(0);
  });

  it('sees none of the host\'s files and cannot write outside its work directory', async () => {
    const marker = path.join(hostDir, 'written-from-sandbox');
    const r = await run(sandbox, [
      'import os',
      `for p in [${JSON.stringify(path.join(REPO, 'package.json'))}, "/root", "/home", "/etc/passwd", "/etc/hostname", ${JSON.stringify(hostDir)}]:`,
      '    print(p, os.path.exists(p))',
      'print("root", sorted(os.listdir("/")))',
      `for p in ["/usr/owned", ${JSON.stringify(marker)}, "/work/ok", "/tmp/ok"]:`,
      '    try:',
      '        os.makedirs(os.path.dirname(p), exist_ok=True)',
      '        open(p, "w").write("x")',
      '        print("wrote", p)',
      '    except OSError as e:',
      '        print("denied", p, type(e).__name__)',
      'print("uid", os.getuid())',
    ].join('\n'));
    expect(r.exitCode).toBe(0);
    for (const p of [path.join(REPO, 'package.json'), '/root', '/home', '/etc/passwd', '/etc/hostname', hostDir]) expect(r.stdout).toContain(`${p} False`);
    const root = JSON.parse(/root (\[.*\])/.exec(r.stdout)![1]!.replace(/'/g, '"')) as string[];
    expect(root.every((d) => ['bin', 'dev', 'etc', 'lib', 'lib32', 'lib64', 'libx32', 'proc', 'sbin', 'tmp', 'usr', 'work'].includes(d))).toBe(true);
    expect(r.stdout).toContain('denied /usr/owned');
    expect(r.stdout).toContain('wrote /work/ok');
    expect(r.stdout).toContain('wrote /tmp/ok');
    expect(r.stdout).toContain('uid 65534');
    // Writing to the host path "worked" only inside the sandbox's own tmpfs root, if at all: nothing reaches the host.
    expect(existsSync(marker)).toBe(false);
    expect(existsSync('/usr/owned')).toBe(false);
  });

  it('starts every run from a fresh work directory', async () => {
    await run(sandbox, 'open("leftover.txt", "w").write("x")');
    const r = await run(sandbox, 'import os\nprint(sorted(os.listdir(".")))');
    expect(r.stdout).toBe("['main.py']\n");
  });

  it('refuses file names that leave the work directory', async () => {
    for (const name of ['../escape.py', '/etc/x.py']) {
      await expect(sandbox.run({ language: 'python', files: { [name]: 'print(1)' }, command: ['main.py'], limits: DEFAULT_SANDBOX_LIMITS })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    }
  });
});

describe('createSandbox without bubblewrap', () => {
  it('refuses (CONFIG_INVALID) and says how to install it', () => {
    let error: unknown;
    try {
      createSandbox({ bwrapPath: '/nonexistent/bwrap' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AssayError);
    expect((error as AssayError).code).toBe('CONFIG_INVALID');
    expect((error as AssayError).message).toContain('bubblewrap (bwrap) is not installed');
    expect((error as AssayError).hint).toContain('apt-get install bubblewrap');
    expect((error as AssayError).hint).toContain('unsandboxed: true');
  });

  it('refuses when bubblewrap is installed but cannot create namespaces, saying why', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'assay-fake-bwrap-'));
    try {
      // A stand-in for a bwrap where user namespaces are forbidden: it answers --help, then fails as bwrap does.
      const fake = path.join(dir, 'bwrap');
      writeFileSync(fake, '#!/bin/sh\n[ "$1" = --help ] && { echo "--size --disable-userns"; exit 0; }\necho "bwrap: No permissions to creating new namespace" >&2\nexit 1\n');
      chmodSync(dir, 0o755);
      chmodSync(fake, 0o755);
      expect(() => createSandbox({ bwrapPath: fake })).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('No permissions to creating new namespace'), hint: expect.stringContaining('user namespaces') }),
      );
      const fallback = createSandbox({ bwrapPath: fake, allowUnsandboxed: true });
      expect(fallback.kind).toBe('none');
      expect(fallback.warning).toContain('bubblewrap cannot create a sandbox here');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('falls back to running on the host, with a warning, only when allowed', async () => {
    const sandbox = createSandbox({ bwrapPath: '/nonexistent/bwrap', allowUnsandboxed: true });
    expect(sandbox.kind).toBe('none');
    expect(sandbox.warning).toMatch(/^UNSANDBOXED: .*\(bubblewrap is not installed/);
    const r = await run(sandbox, 'print(6 * 7)');
    expect(r).toMatchObject({ exitCode: 0, stdout: '42\n' });
  });
});
