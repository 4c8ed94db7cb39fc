/** The ZIP parser: no elements of its own, only its members as embedded files for ingest to parse in turn. */
import yauzl from 'yauzl';
import { AssayError } from '../../../errors/index.js';
import type { EmbeddedFile, ParsedFile, ParseInput, Parser } from '../parser.js';
import { throwIfAborted } from '../shared/index.js';
import { checkEntry } from './entry-problem.js';
import { inflateEntry } from './inflate-entry.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-limits.js';

/** Options for `createZipParser`; each limit falls back to `DEFAULT_ZIP_LIMITS`. */
export interface ZipParserOptions {
  limits?: Partial<ZipLimits>;
}

async function openZip(input: ParseInput): Promise<yauzl.ZipFile> {
  const buffer = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  try {
    return await yauzl.fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false });
  } catch (err) {
    throw new AssayError('DATASET_INVALID', `${input.path}: not a readable ZIP archive (${(err as Error).message}).`, {
      where: { file: input.path },
      cause: err,
      hint: 'The archive is corrupt or truncated; copy it again from its source.',
    });
  }
}

function tooManyEntries(input: ParseInput, count: number, max: number): AssayError {
  return new AssayError('LIMIT_EXCEEDED', `${input.path}: the archive lists ${count} entries, more than ${max}.`, {
    where: { file: input.path },
    hint: 'Split the archive, or raise the zip entry limit.',
  });
}

/** Reads every safe member; unsafe or unreadable members become warnings. */
async function readMembers(zip: yauzl.ZipFile, input: ParseInput, limits: ZipLimits): Promise<ParsedFile> {
  const embedded: EmbeddedFile[] = [];
  const warnings: string[] = [];
  let total = 0;
  if (zip.entryCount > limits.maxEntries) throw tooManyEntries(input, zip.entryCount, limits.maxEntries);
  for await (const entry of zip.eachEntry()) {
    throwIfAborted(input.signal, input.path);
    const { name, problem } = checkEntry(entry);
    if (problem === 'directory') continue;
    if (problem) {
      warnings.push(`${input.path}: skipped ${JSON.stringify(name)}: ${problem}.`);
      continue;
    }
    const bytes = await inflateEntry({ zip, entry, name, archivePath: input.path, limits, totalSoFar: total });
    total += bytes.length;
    embedded.push({ path: `${input.path}!/${name}`, bytes });
  }
  return { elements: [], properties: { entries: String(zip.entryCount) }, warnings, embedded, units: 1 };
}

/**
 * A ZIP parser with its own limits (tests lower them; ingest uses `zipParser`). Bombs, by ratio or by total,
 * measured while inflating, make the whole archive LIMIT_EXCEEDED; a bad member is skipped with a warning.
 * @example const parser = createZipParser({ limits: { maxTotalBytes: 10 * 1024 * 1024 } });
 */
export function createZipParser(options: ZipParserOptions = {}): Parser {
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  return {
    format: 'zip',
    async parse(input: ParseInput): Promise<ParsedFile> {
      throwIfAborted(input.signal, input.path);
      const zip = await openZip(input);
      try {
        return await readMembers(zip, input, limits);
      } catch (err) {
        if (err instanceof AssayError) throw err;
        throw new AssayError('DATASET_INVALID', `${input.path}: the archive is damaged (${(err as Error).message}).`, {
          where: { file: input.path },
          cause: err,
          hint: 'Copy the archive again from its source, or unpack what you can and ingest the files.',
        });
      } finally {
        if (zip.isOpen) zip.close();
      }
    },
  };
}

/** The ZIP parser with the default limits (`DEFAULT_ZIP_LIMITS`). */
export const zipParser: Parser = createZipParser();
