/**
 * Atomic output: bytes go to a temporary file beside the target and are renamed onto it only when everything is
 * written, so a crash never leaves a half file under the final name.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ExportedFile } from './export-deps.js';

const FLUSH_AT = 1 << 20;

/** The temporary name for `target`: same folder (so rename is atomic), hidden, unique per process and call. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * A file being written: `write` text, `close` to learn its hash, then `commit` (rename) or `discard`.
 * @example const f = await TempFile.create('out.jsonl'); await f.write('{}\n'); await f.close(); await f.commit();
 */
export class TempFile {
  private buffered: string[] = [];
  private size = 0;
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private handle: FileHandle | undefined;
  private done: ExportedFile | undefined;

  private constructor(
    readonly target: string,
    readonly temp: string,
    handle: FileHandle | undefined,
  ) {
    this.handle = handle;
  }

  /** Opens a temporary file for `target` (creating its folder). */
  static async create(target: string): Promise<TempFile> {
    const file = path.resolve(target);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = tempPathFor(file);
    return new TempFile(file, temp, await open(temp, 'wx', 0o644));
  }

  /**
   * Adopts a temporary file that another library wrote (e.g. the Parquet writer): hashes it on `close`.
   * @example const f = await TempFile.adopt('out.parquet'); writeParquet(f.temp); await f.close();
   */
  static async adopt(target: string): Promise<TempFile> {
    const file = path.resolve(target);
    await mkdir(path.dirname(file), { recursive: true });
    return new TempFile(file, tempPathFor(file), undefined);
  }

  async write(text: string): Promise<void> {
    this.buffered.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.handle || this.buffered.length === 0) return;
    const chunk = Buffer.from(this.buffered.join(''), 'utf8');
    this.buffered = [];
    this.size = 0;
    this.hash.update(chunk);
    this.bytes += chunk.length;
    await this.handle.write(chunk);
  }

  /** Flushes, syncs and closes; returns the file's final path, sha256 and size. */
  async close(): Promise<ExportedFile> {
    if (this.done) return this.done;
    if (this.handle) {
      await this.flush();
      await this.handle.sync();
      await this.handle.close();
      this.handle = undefined;
      this.done = { path: this.target, sha256: this.hash.digest('hex'), bytes: this.bytes };
    } else {
      this.done = { path: this.target, ...(await hashFile(this.temp)) };
    }
    return this.done;
  }

  /** Moves the finished file onto its final name. */
  async commit(): Promise<void> {
    await rename(this.temp, this.target);
  }

  /** Removes the temporary file (after a failure). */
  async discard(): Promise<void> {
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    await rm(this.temp, { force: true });
  }
}

async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { sha256: hash.digest('hex'), bytes: (await stat(file)).size };
}
