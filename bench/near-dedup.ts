// Near-dedup benchmark: 100,000 seeded synthetic short documents, ~10% near-duplicates made by 1–3 word edits;
// reports documents/second, peak RSS, pairs found, and precision/recall against the known duplicate pairs.
// Usage: node --import tsx bench/near-dedup.ts [--docs 100000] [--dup-rate 0.1] [--bands 16] [--rows 8] [--threshold 0.8] [--k 5]
import { parseArgs } from 'node:util';
import { describeLsh, jaccard, nearDedup, shingleHashes, type DedupDocument } from '../src/data/dedup/index.js';
import { seededRandom } from '../src/data/dedup/hash32.js';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    'dup-rate': { type: 'string', default: '0.1' },
    bands: { type: 'string', default: '16' },
    rows: { type: 'string', default: '8' },
    threshold: { type: 'string', default: '0.8' },
    k: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
  },
});
const N = Number(values.docs);
const dupRate = Number(values['dup-rate']);
const opts = { bands: Number(values.bands), rows: Number(values.rows), threshold: Number(values.threshold), k: Number(values.k) };
const SEED = Number(values.seed);
const VOCAB = 5000;

/** Letter-only words (digits would be folded by dedup normalisation). */
const vocab = Array.from({ length: VOCAB }, (_, i) => {
  let s = '';
  for (let n = i; ; n = Math.floor(n / 26) - 1) {
    s = String.fromCharCode(97 + (n % 26)) + s;
    if (n < 26) break;
  }
  return `w${s}`;
});
const int = (rand: () => number, n: number) => Math.floor((rand() / 2 ** 32) * n);

/** Document i's original text, regenerated from its own seed so nothing is stored. */
function original(i: number): string[] {
  const rand = seededRandom(SEED * 1_000_003 + i);
  const len = 60 + int(rand, 61); // 60–120 words
  return Array.from({ length: len }, () => vocab[int(rand, VOCAB)]!);
}

/** Which documents are near-duplicates, and of which earlier original (deterministic plan, 4 bytes per document). */
const plan = new Int32Array(N).fill(-1);
{
  const rand = seededRandom(SEED);
  for (let i = 1; i < N; i++) if (rand() / 2 ** 32 < dupRate) plan[i] = int(rand, i);
  // A duplicate's source must be an original, so follow the chain back.
  for (let i = 0; i < N; i++) if (plan[i]! >= 0 && plan[plan[i]!]! >= 0) plan[i] = plan[plan[i]!]!;
}

function text(i: number): string {
  const src = plan[i]!;
  if (src < 0) return original(i).join(' ');
  const w = original(src);
  const rand = seededRandom(SEED * 7919 + i);
  const edits = 1 + int(rand, 3);
  for (let e = 0; e < edits; e++) {
    const at = int(rand, w.length);
    const op = int(rand, 3);
    if (op === 0) w[at] = vocab[int(rand, VOCAB)]!;
    else if (op === 1) w.splice(at, 0, vocab[int(rand, VOCAB)]!);
    else w.splice(at, 1);
  }
  return w.join(' ');
}

function* stream(): Generator<DedupDocument> {
  for (let i = 0; i < N; i++) yield { id: String(i), text: text(i) };
}

const group = (i: number) => (plan[i]! >= 0 ? plan[i]! : i);
console.log(describeLsh(opts.bands, opts.rows).text);
const t0 = performance.now();
const result = await nearDedup(stream(), opts);
const seconds = (performance.now() - t0) / 1000;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// Ground truth: each (source, duplicate) pair; duplicates of one source are also duplicates of each other.
const clusterOf = new Map<number, number>();
for (const [c, cl] of result.clusters.entries()) for (const m of cl.members) clusterOf.set(Number(m), c);
const truePairs: Array<[number, number]> = [];
for (let i = 0; i < N; i++) if (plan[i]! >= 0) truePairs.push([plan[i]!, i]);
const together = ([a, b]: [number, number]) => clusterOf.has(a) && clusterOf.get(a) === clusterOf.get(b);
const foundAll = truePairs.filter(together).length;
const above = truePairs.filter(([a, b]) => jaccard(shingleHashes(text(a), opts.k), shingleHashes(text(b), opts.k)) >= opts.threshold);
const foundAbove = above.filter(together).length;
const correctPairs = result.pairs.filter((p) => group(Number(p.a)) === group(Number(p.b))).length;
const wrongClusterMembers = result.clusters.reduce((acc, c) => acc + c.members.filter((m) => group(Number(m)) !== group(Number(c.representative))).length, 0);

console.log(
  JSON.stringify(
    {
      documents: N,
      params: result.params,
      seconds: Number(seconds.toFixed(2)),
      docsPerSecond: Math.round(N / seconds),
      peakRssMb: Math.round(peakRssMb),
      candidatesCompared: result.candidates,
      pairsFound: result.pairs.length,
      clusters: result.clusters.length,
      duplicatesToDrop: result.duplicates.length,
      knownPairs: truePairs.length,
      pairPrecision: Number((correctPairs / Math.max(1, result.pairs.length)).toFixed(4)),
      clusterPurity: Number((1 - wrongClusterMembers / Math.max(1, result.duplicates.length + result.clusters.length)).toFixed(4)),
      recallAllKnownPairs: Number((foundAll / truePairs.length).toFixed(4)),
      knownPairsAtOrAboveThreshold: above.length,
      recallAtOrAboveThreshold: Number((foundAbove / Math.max(1, above.length)).toFixed(4)),
      node: process.version,
    },
    null,
    2,
  ),
);
