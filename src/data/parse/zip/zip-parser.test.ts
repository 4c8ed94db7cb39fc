import { createHash } from 'node:crypto';
import { Zip, ZipDeflate, strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../../errors/index.js';
import { DEFAULT_PARSE_LIMITS, type ParseInput } from '../parser.js';
import { createZipParser, DEFAULT_ZIP_LIMITS, MAX_ARCHIVE_DEPTH, zipParser } from './index.js';

function input(bytes: Uint8Array, path = 'archive.zip'): ParseInput {
  return { bytes, path, sha256: createHash('sha256').update(bytes).digest('hex'), limits: DEFAULT_PARSE_LIMITS };
}

/** A zip of `megabytes` MiB of zeros, deflated one MiB at a time so the test never holds the plain bytes. */
function zerosZip(megabytes: number): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  const file = new ZipDeflate('zeros.bin', { level: 1 });
  zip.add(file);
  const mib = new Uint8Array(1024 * 1024);
  for (let i = 0; i < megabytes; i++) file.push(mib, i === megabytes - 1);
  zip.end();
  return Buffer.concat(out);
}

async function failure(promise: Promise<unknown>): Promise<AssayError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AssayError);
  return err as AssayError;
}

/** Sets the "encrypted" flag bit on every local and central header (fflate cannot write encrypted zips). */
function markEncrypted(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) out[i + 6]! |= 1;
    if (sig === 0x02014b50) out[i + 8]! |= 1;
  }
  return out;
}

describe('zipParser', () => {
  it('returns members as embedded files with archive paths, skipping folders', async () => {
    const files: Zippable = { 'dir/': {}, 'dir/report.txt': strToU8('hello'), 'inner.zip': zipSync({ 'x.txt': strToU8('x') }) };
    const parsed = await zipParser.parse(input(zipSync(files)));
    expect(parsed.elements).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.embedded.map((f) => f.path).sort()).toEqual(['archive.zip!/dir/report.txt', 'archive.zip!/inner.zip']);
    expect(new TextDecoder().decode(parsed.embedded.find((f) => f.path.endsWith('.txt'))!.bytes)).toBe('hello');
    expect(MAX_ARCHIVE_DEPTH).toBe(3);
  });

  it('skips traversal, absolute and symlink entries with warnings and keeps the rest', async () => {
    const bytes = zipSync({
      '../../etc/evil.sh': strToU8('rm -rf /'),
      '/abs/path.txt': strToU8('abs'),
      'link': [strToU8('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }],
      'ok.txt': strToU8('fine'),
    });
    const parsed = await zipParser.parse(input(bytes));
    expect(parsed.embedded.map((f) => f.path)).toEqual(['archive.zip!/ok.txt']);
    expect(parsed.warnings).toHaveLength(3);
    expect(parsed.warnings.join('\n')).toMatch(/"\.\.\/\.\.\/etc\/evil\.sh": invalid relative path/);
    expect(parsed.warnings.join('\n')).toMatch(/"\/abs\/path\.txt": absolute path/);
    expect(parsed.warnings.join('\n')).toMatch(/"link": symbolic link/);
  });

  it('warns about encrypted members instead of failing', async () => {
    const parsed = await zipParser.parse(input(markEncrypted(zipSync({ 'secret.txt': strToU8('x') }))));
    expect(parsed.embedded).toEqual([]);
    expect(parsed.warnings[0]).toMatch(/"secret\.txt": encrypted/);
  });

  it('stops a 200 MiB zip bomb by ratio while inflating', async () => {
    const bytes = zerosZip(200);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const err = await failure(zipParser.parse(input(bytes, 'bomb.zip')));
    expect(err.code).toBe('LIMIT_EXCEEDED');
    expect(err.message).toMatch(/bomb\.zip: looks like a zip bomb: "zeros\.bin" inflates more than 100:1/);
  });

  it('stops when the members together pass the total limit', async () => {
    const parser = createZipParser({ limits: { maxTotalBytes: 150_000, maxRatio: 1e9 } });
    const bytes = zipSync({ 'a.bin': new Uint8Array(100_000), 'b.bin': new Uint8Array(100_000) });
    const err = await failure(parser.parse(input(bytes)));
    expect(err.code).toBe('LIMIT_EXCEEDED');
    expect(err.message).toMatch(/more than 150000 bytes in total \(stopped in "b\.bin"\)/);
    expect(DEFAULT_ZIP_LIMITS.maxTotalBytes).toBe(1024 ** 3);
  });

  it('refuses an archive with too many entries', async () => {
    const parser = createZipParser({ limits: { maxEntries: 2 } });
    const err = await failure(parser.parse(input(zipSync({ a: strToU8('a'), b: strToU8('b'), c: strToU8('c') }))));
    expect(err.code).toBe('LIMIT_EXCEEDED');
    expect(err.message).toMatch(/lists 3 entries, more than 2/);
  });

  it('reports a truncated archive as DATASET_INVALID', async () => {
    const bytes = zipSync({ 'a.txt': strToU8('a'.repeat(1000)) });
    const err = await failure(zipParser.parse(input(bytes.subarray(0, bytes.length - 30))));
    expect(err.code).toBe('DATASET_INVALID');
    expect(err.message).toMatch(/archive\.zip: not a readable ZIP archive/);
  });
});
