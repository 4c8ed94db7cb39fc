/** Trains a word-bigram language model on a text and writes it as a tiny llama-architecture GGUF file. */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeGguf, type GgufTensor } from '../providers/gguf/gguf-writer.js';

/**
 * Bump when the file layout or the training changes, so cached demo models are rebuilt.
 */
export const BIGRAM_BUILDER_VERSION = 1;

export interface BuildBigramOptions {
  corpusText: string;
  outPath: string;
  /** How many of the most frequent corpus words become whole-word tokens (each also a context class). Default 500. */
  topK?: number;
}

export interface BuiltBigramModel {
  path: string;
  vocabSize: number;
  nEmbd: number;
  bytes: number;
  sha256: string;
}

const SPACE = '\u2581'; // '▁', SentencePiece's marker for a preceding space
const UNK = 0;
const BOS = 1;
const EOS = 2;
/** Stands for a rare word in the training streams; never a token id. */
const RARE = -1;
const FIRST_BYTE_TOKEN = 3;
const NEWLINE_TOKEN = FIRST_BYTE_TOKEN + 0x0a;
const HEAD_DIM = 32;
const N_FF = 32;
const RMS_EPS = 1e-5;
/** Log-probability given to a token never seen after a context: effectively never chosen. */
const UNSEEN_LOGPROB = -30;
const F16_ONE = 0x3c00;

interface Vocabulary {
  tokens: string[];
  ids: Map<string, number>;
  /** First id of the ordinary (non-special, non-byte) tokens. */
  firstNormal: number;
}

/** Paragraphs (blank-line separated) with whitespace runs collapsed to one space. */
function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** Most frequent words first; ties broken by code-unit order, so the ranking is deterministic. */
function rankWords(paragraphs: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const p of paragraphs) for (const w of p.match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

/**
 * Specials, 256 byte tokens, single characters, then every prefix of each `▁word`: llama.cpp's SPM tokenizer
 * merges adjacent pieces only when the merged piece is a token, so a word is rebuilt one letter at a time.
 */
function buildVocabulary(paragraphs: readonly string[], words: readonly string[]): Vocabulary {
  const tokens = ['<unk>', '<s>', '</s>'];
  for (let b = 0; b < 256; b++) tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
  const firstNormal = tokens.length;
  const chars = new Set<string>([SPACE]);
  for (let c = 33; c < 127; c++) chars.add(String.fromCharCode(c));
  const seen = new Set<string>();
  for (const p of paragraphs) for (const ch of p) if (ch !== ' ') seen.add(ch);
  for (const ch of [...seen].sort()) chars.add(ch);
  const pieces = new Set<string>(chars);
  for (const w of words) for (let i = 1; i <= w.length; i++) pieces.add(SPACE + w.slice(0, i));
  tokens.push(...pieces);
  return { tokens, ids: new Map(tokens.map((t, i) => [t, i])), firstNormal };
}

/** Tokenises a paragraph exactly as llama.cpp's SPM tokenizer does for this vocabulary. */
function encode(paragraph: string, vocab: Vocabulary): number[] {
  const chars = [...(SPACE + paragraph.replaceAll(' ', SPACE))];
  const out: number[] = [];
  for (let i = 0; i < chars.length; ) {
    let piece = chars[i] ?? '';
    let j = i + 1;
    if (piece === SPACE) {
      while (j < chars.length && chars[j] !== SPACE && vocab.ids.has(piece + (chars[j] ?? ''))) piece += chars[j++];
    }
    const id = vocab.ids.get(piece);
    if (id !== undefined) out.push(id);
    else for (const byte of Buffer.from(piece, 'utf8')) out.push(FIRST_BYTE_TOKEN + byte);
    i = j;
  }
  return out;
}

/** A token that can continue a word: one letter or digit, or a raw byte. */
function continuesWord(token: string): boolean {
  return /^[\p{L}\p{N}]$/u.test(token) || /^<0x[0-9A-F]{2}>$/.test(token);
}

/**
 * Splits a paragraph's tokens into the units a reader sees: a word (a `▁` piece and the letters, digits or bytes
 * that continue it) or a punctuation mark (a bare `▁` joins the mark after it). A one-token unit is a
 * vocabulary word or a mark and is kept; longer units are rare words and become `RARE`.
 */
function cleanStream(tokens: readonly number[], vocab: Vocabulary): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; ) {
    const first = vocab.tokens[tokens[i] ?? UNK] ?? '';
    let j = i + 1;
    if (first === SPACE && j < tokens.length && !(vocab.tokens[tokens[j] ?? UNK] ?? '').startsWith(SPACE)) j++;
    while (j < tokens.length && continuesWord(vocab.tokens[tokens[j] ?? UNK] ?? '')) j++;
    const unit = j - i === 1 ? (tokens[i] ?? RARE) : RARE;
    if (unit !== RARE || out.at(-1) !== RARE) out.push(unit);
    i = j;
  }
  return out;
}

/**
 * Context classes: 0 is "start of a paragraph" (`<s>`, and the newline byte, so a prompt ending in a blank line
 * starts a fresh paragraph); then one class per kept token (vocabulary words and marks), most frequent first;
 * the last class pools everything else, including the tail of a rare word. Each class is one embedding dimension.
 */
function assignClasses(streams: readonly number[][], vocabSize: number): { classOf: Int32Array; nClasses: number } {
  const freq = new Map<number, number>();
  for (const seq of streams) for (const t of seq) if (t !== BOS && t !== EOS && t !== RARE) freq.set(t, (freq.get(t) ?? 0) + 1);
  const kept = [...freq].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const other = kept.length + 1;
  const classOf = new Int32Array(vocabSize).fill(other);
  classOf[BOS] = 0;
  classOf[NEWLINE_TOKEN] = 0;
  kept.forEach(([t], i) => (classOf[t] = i + 1));
  return { classOf, nClasses: other + 1 };
}

/**
 * Output matrix [vocab × nEmbd] (row per next token): logits = W · RMSNorm(e_c) = W[:, c] / sqrt(1/nEmbd + eps),
 * so storing log P(next | c) · sqrt(1/nEmbd + eps) makes the logits exactly the bigram log-probabilities.
 */
function outputWeights(streams: readonly number[][], classOf: Int32Array, nClasses: number, nEmbd: number): Float32Array {
  const vocabSize = classOf.length;
  const other = nClasses - 1;
  const counts = new Float64Array(nClasses * vocabSize);
  const totals = new Float64Array(nClasses);
  const add = (c: number, next: number): void => {
    counts[c * vocabSize + next]! += 1;
    totals[c]! += 1;
  };
  for (const seq of streams) {
    // A rare word is never predicted (its pair with the token before it is dropped); as context it falls in
    // the pooled class, which predicts what follows rare words.
    let prev = BOS;
    for (const next of seq.slice(1)) {
      if (next !== RARE) add(prev === RARE ? other : (classOf[prev] ?? other), next);
      prev = next;
    }
  }
  const scale = Math.sqrt(1 / nEmbd + RMS_EPS);
  const w = new Float32Array(vocabSize * nEmbd);
  for (let c = 0; c < nClasses; c++) {
    const total = totals[c] ?? 0;
    if (total === 0) continue; // no evidence: all-zero column, a uniform distribution
    for (let v = 0; v < vocabSize; v++) {
      const n = counts[c * vocabSize + v] ?? 0;
      w[v * nEmbd + c] = (n > 0 ? Math.log(n / total) : UNSEEN_LOGPROB) * scale;
    }
  }
  return w;
}

function tensorsFor(vocabSize: number, nEmbd: number, classOf: Int32Array, output: Float32Array): GgufTensor[] {
  const embd = new Uint16Array(vocabSize * nEmbd);
  for (let t = 0; t < vocabSize; t++) embd[t * nEmbd + (classOf[t] ?? 0)] = F16_ONE;
  const ones = (): Float32Array => new Float32Array(nEmbd).fill(1);
  const zeros = (a: number, b: number): GgufTensor['data'] => new Uint16Array(a * b);
  return [
    { name: 'token_embd.weight', dims: [nEmbd, vocabSize], type: 'F16', data: embd },
    { name: 'output_norm.weight', dims: [nEmbd], type: 'F32', data: ones() },
    { name: 'output.weight', dims: [nEmbd, vocabSize], type: 'F32', data: output },
    { name: 'blk.0.attn_norm.weight', dims: [nEmbd], type: 'F32', data: ones() },
    { name: 'blk.0.attn_q.weight', dims: [nEmbd, HEAD_DIM], type: 'F16', data: zeros(nEmbd, HEAD_DIM) },
    { name: 'blk.0.attn_k.weight', dims: [nEmbd, HEAD_DIM], type: 'F16', data: zeros(nEmbd, HEAD_DIM) },
    { name: 'blk.0.attn_v.weight', dims: [nEmbd, HEAD_DIM], type: 'F16', data: zeros(nEmbd, HEAD_DIM) },
    { name: 'blk.0.attn_output.weight', dims: [HEAD_DIM, nEmbd], type: 'F16', data: zeros(HEAD_DIM, nEmbd) },
    { name: 'blk.0.ffn_norm.weight', dims: [nEmbd], type: 'F32', data: ones() },
    { name: 'blk.0.ffn_gate.weight', dims: [nEmbd, N_FF], type: 'F16', data: zeros(nEmbd, N_FF) },
    { name: 'blk.0.ffn_down.weight', dims: [N_FF, nEmbd], type: 'F16', data: zeros(N_FF, nEmbd) },
    { name: 'blk.0.ffn_up.weight', dims: [nEmbd, N_FF], type: 'F16', data: zeros(nEmbd, N_FF) },
  ];
}

function tokenTypes(vocab: Vocabulary): Int32Array {
  const NORMAL = 1, UNKNOWN = 2, CONTROL = 3, BYTE = 6;
  return Int32Array.from(vocab.tokens, (_, i) =>
    i === UNK ? UNKNOWN : i < FIRST_BYTE_TOKEN ? CONTROL : i < vocab.firstNormal ? BYTE : NORMAL,
  );
}

/**
 * Trains a word-bigram model on `corpusText` and writes it as a GGUF v3, llama-architecture file that llama.cpp
 * (node-llama-cpp) loads and samples from like any other model.
 *
 * How it works: the tokenizer is SentencePiece-style ('llama'): `<unk>`, `<s>`, `</s>`, the 256 `<0xNN>` byte
 * tokens, single characters, and every prefix of `▁word` for the `topK` most frequent words (letters or digits),
 * so llama.cpp's merge loop rebuilds those words whole and spells any other word in letters, then bytes. The corpus
 * is tokenised the same way, one `<s> … </s>` sequence per paragraph, and read as words and punctuation marks.
 * A mark or a word that is one token is kept; a rare word (several tokens) is never predicted, only used as
 * context. Counts are taken over *context classes*, one per kept token, plus class 0 for
 * "paragraph start" (`<s>`, and the newline byte, so a prompt ending in a blank line starts a fresh paragraph)
 * and one class pooling everything else (what follows a rare word). The model therefore only ever writes
 * vocabulary words and punctuation, and its width (n_embd = classes rounded up to 32) stays below the
 * vocabulary size, since word prefixes need tokens but no classes.
 *
 * The network is one llama block that does nothing: token embeddings are one-hot rows selecting the token's
 * class, attention and FFN output weights are zero (F16), so the residual stream passes through unchanged.
 * The final RMSNorm turns the one-hot e_c into e_c / sqrt(1/n_embd + eps); the output matrix stores
 * log P(next | c) times that same factor, so the logits are the bigram log-probabilities exactly (unseen
 * pairs get -30). Attention uses one 32-wide head (`attention.key_length`), which keeps the zero weights small.
 *
 * Deterministic: the same corpus and topK give a byte-identical file.
 *
 * @example
 * const m = await buildBigramGguf({ corpusText: text, outPath: '/tmp/demo.gguf' });
 */
export async function buildBigramGguf(options: BuildBigramOptions): Promise<BuiltBigramModel> {
  const topK = options.topK ?? 500;
  const paragraphs = paragraphsOf(options.corpusText);
  if (paragraphs.length === 0) throw new Error('buildBigramGguf: the corpus has no text.');
  const vocab = buildVocabulary(paragraphs, rankWords(paragraphs).slice(0, topK));
  const streams = paragraphs.map((p) => [BOS, ...cleanStream(encode(p, vocab), vocab), EOS]);
  const vocabSize = vocab.tokens.length;
  const { classOf, nClasses } = assignClasses(streams, vocabSize);
  const nEmbd = Math.ceil(nClasses / 32) * 32;
  const output = outputWeights(streams, classOf, nClasses, nEmbd);
  const scores = Float32Array.from(vocab.tokens, (_, i) => (i < vocab.firstNormal ? 0 : vocab.firstNormal - i));
  const u32 = (value: number) => ({ type: 'u32', value }) as const;
  const bytes = writeGguf({
    alignment: 32,
    metadata: [
      ['general.architecture', { type: 'string', value: 'llama' }],
      ['general.name', { type: 'string', value: 'assay-demo-bigram' }],
      ['general.alignment', u32(32)],
      ['llama.context_length', u32(4096)],
      ['llama.embedding_length', u32(nEmbd)],
      ['llama.block_count', u32(1)],
      ['llama.feed_forward_length', u32(N_FF)],
      ['llama.attention.head_count', u32(1)],
      ['llama.attention.head_count_kv', u32(1)],
      ['llama.attention.key_length', u32(HEAD_DIM)],
      ['llama.attention.value_length', u32(HEAD_DIM)],
      ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: RMS_EPS }],
      ['llama.rope.dimension_count', u32(HEAD_DIM)],
      ['llama.rope.freq_base', { type: 'f32', value: 10000 }],
      ['llama.vocab_size', u32(vocabSize)],
      ['tokenizer.ggml.model', { type: 'string', value: 'llama' }],
      ['tokenizer.ggml.tokens', { type: 'string[]', value: vocab.tokens }],
      ['tokenizer.ggml.scores', { type: 'f32[]', value: scores }],
      ['tokenizer.ggml.token_type', { type: 'i32[]', value: tokenTypes(vocab) }],
      ['tokenizer.ggml.bos_token_id', u32(BOS)],
      ['tokenizer.ggml.eos_token_id', u32(EOS)],
      ['tokenizer.ggml.unknown_token_id', u32(UNK)],
      ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
      ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
      ['tokenizer.ggml.add_space_prefix', { type: 'bool', value: true }],
    ],
    tensors: tensorsFor(vocabSize, nEmbd, classOf, output),
  });
  await mkdir(dirname(options.outPath), { recursive: true });
  await writeFile(options.outPath, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { path: options.outPath, vocabSize, nEmbd, bytes: bytes.length, sha256 };
}
