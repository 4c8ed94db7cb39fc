/** Guesses a delimited file's separator from its first records: the one whose count per record is most regular. */

/** The separators Assay tries, in order of preference when two score the same. */
export const DELIMITERS = [',', '\t', ';', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Records sampled; quoted newlines are followed, so a record may span lines. */
const SAMPLE_RECORDS = 50;
/** Characters sampled at most. */
const SAMPLE_CHARS = 64 * 1024;

/** Per sampled record, how many of each delimiter sit outside double quotes. */
function countPerRecord(text: string): Array<Record<Delimiter, number>> {
  const zero = (): Record<Delimiter, number> => ({ ',': 0, '\t': 0, ';': 0, '|': 0 });
  const out: Array<Record<Delimiter, number>> = [];
  let current = zero();
  let quoted = false;
  let blank = true;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end && out.length < SAMPLE_RECORDS; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') {
      if (!blank) out.push(current);
      [current, blank] = [zero(), true];
      continue;
    } else if (!quoted && ch in current) current[ch as Delimiter] += 1;
    if (ch.trim() !== '') blank = false;
  }
  // A last record cut off by the sample (or a file without a final newline) still counts when nothing else does.
  if (!blank && (out.length === 0 || end === text.length)) out.push(current);
  return out;
}

/** The most common count, and the share of records that have it. */
function regularity(counts: number[]): { mode: number; share: number } {
  const freq = new Map<number, number>();
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
  let mode = 0;
  let best = 0;
  for (const [count, n] of freq) if (count > 0 && (n > best || (n === best && count > mode))) [mode, best] = [count, n];
  return { mode, share: counts.length ? best / counts.length : 0 };
}

/**
 * The delimiter that appears the same non-zero number of times in the most sampled records (ties: more fields,
 * then the order of `DELIMITERS`); a comma when none appears (a one-column file).
 * @example sniffDelimiter('a;b;c\n1;2,5;3\n') // ';'
 */
export function sniffDelimiter(text: string): Delimiter {
  const records = countPerRecord(text);
  let best: { d: Delimiter; mode: number; share: number } = { d: ',', mode: 0, share: 0 };
  for (const d of DELIMITERS) {
    const r = regularity(records.map((c) => c[d]));
    if (r.mode > 0 && (r.share > best.share || (r.share === best.share && r.mode > best.mode))) best = { d, ...r };
  }
  return best.d;
}
