/** Inflates one zip member into memory while counting bytes, stopping the moment a limit is passed. */
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { AssayError } from '../../../errors/index.js';
import type { ZipLimits } from './zip-limits.js';

/** The archive and the member being read, for messages. */
export interface InflateContext {
  zip: yauzl.ZipFile;
  entry: yauzl.Entry;
  name: string;
  archivePath: string;
  limits: ZipLimits;
  /** Bytes already inflated from earlier members. */
  totalSoFar: number;
}

function bomb(ctx: InflateContext, what: string): AssayError {
  return new AssayError('LIMIT_EXCEEDED', `${ctx.archivePath}: looks like a zip bomb: ${what}.`, {
    where: { file: ctx.archivePath, field: ctx.name },
    hint: 'The archive was not extracted. If it is genuine, unpack it yourself and ingest the files, or raise the zip limits.',
  });
}

/** Throws when `produced` bytes from this member break the ratio or the archive total. */
function checkLimits(ctx: InflateContext, produced: number): void {
  const { limits, entry } = ctx;
  if (ctx.totalSoFar + produced > limits.maxTotalBytes) {
    throw bomb(ctx, `members inflate to more than ${limits.maxTotalBytes} bytes in total (stopped in ${JSON.stringify(ctx.name)})`);
  }
  if (produced > limits.ratioFloorBytes && produced > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
    throw bomb(ctx, `${JSON.stringify(ctx.name)} inflates more than ${limits.maxRatio}:1 (${entry.compressedSize} compressed bytes gave over ${produced})`);
  }
}

/**
 * The member's bytes. Sizes are counted as they stream out of the inflater (headers can lie), so a bomb costs at
 * most one limit's worth of memory before LIMIT_EXCEEDED.
 * @example const bytes = await inflateEntry({ zip, entry, name, archivePath: 'a.zip', limits, totalSoFar: 0 });
 */
export async function inflateEntry(ctx: InflateContext): Promise<Uint8Array> {
  checkLimits(ctx, 0);
  const stream: Readable = await ctx.zip.openReadStreamPromise(ctx.entry);
  const chunks: Buffer[] = [];
  let produced = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      produced += chunk.length;
      checkLimits(ctx, produced);
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  const joined = Buffer.concat(chunks, produced);
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
}
