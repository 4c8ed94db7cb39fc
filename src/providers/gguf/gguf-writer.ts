/** Serialises metadata and tensors into a GGUF v3 file image (the llama.cpp model format). */
import { endianness } from 'node:os';

/** A typed GGUF metadata value; the writer only needs the types our models use. */
export type GgufValue =
  | { type: 'u32'; value: number }
  | { type: 'f32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'string[]'; value: readonly string[] }
  | { type: 'f32[]'; value: Float32Array }
  | { type: 'i32[]'; value: Int32Array };

/** One tensor: `dims` lists ne[0] first (the contiguous dimension), as GGUF stores it. */
export interface GgufTensor {
  name: string;
  dims: readonly number[];
  type: 'F32' | 'F16';
  /** Raw element values: F32 as Float32Array, F16 as IEEE half bit patterns in a Uint16Array. */
  data: Float32Array | Uint16Array;
}

export interface GgufImage {
  /** Metadata in the order it is written; order is part of the byte-exact output. */
  metadata: ReadonlyArray<readonly [string, GgufValue]>;
  tensors: readonly GgufTensor[];
  /** Data alignment in bytes; GGUF's default is 32 (also written as `general.alignment` by callers). */
  alignment?: number;
}

const VALUE_TYPE = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9 } as const;
const TENSOR_TYPE = { F32: 0, F16: 1 } as const;

const align = (n: number, a: number): number => Math.ceil(n / a) * a;

/** A growable little-endian byte sink, so the header can be written without sizing it first. */
class ByteSink {
  private buf = Buffer.alloc(1 << 16);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.alloc(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  u32(v: number): void {
    this.reserve(4);
    this.length = this.buf.writeUInt32LE(v, this.length);
  }
  i32(v: number): void {
    this.reserve(4);
    this.length = this.buf.writeInt32LE(v, this.length);
  }
  u64(v: number): void {
    this.reserve(8);
    this.length = this.buf.writeBigUInt64LE(BigInt(v), this.length);
  }
  f32(v: number): void {
    this.reserve(4);
    this.length = this.buf.writeFloatLE(v, this.length);
  }
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  string(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.bytes(b);
  }
  padTo(alignment: number): void {
    const target = align(this.length, alignment);
    this.reserve(target - this.length);
    this.buf.fill(0, this.length, target);
    this.length = target;
  }
  result(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

function writeValue(sink: ByteSink, v: GgufValue): void {
  switch (v.type) {
    case 'u32':
      sink.u32(VALUE_TYPE.u32);
      return sink.u32(v.value);
    case 'f32':
      sink.u32(VALUE_TYPE.f32);
      return sink.f32(v.value);
    case 'bool':
      sink.u32(VALUE_TYPE.bool);
      return sink.bytes(Uint8Array.of(v.value ? 1 : 0));
    case 'string':
      sink.u32(VALUE_TYPE.string);
      return sink.string(v.value);
    case 'string[]':
      sink.u32(VALUE_TYPE.array);
      sink.u32(VALUE_TYPE.string);
      sink.u64(v.value.length);
      for (const s of v.value) sink.string(s);
      return;
    case 'f32[]':
      sink.u32(VALUE_TYPE.array);
      sink.u32(VALUE_TYPE.f32);
      sink.u64(v.value.length);
      for (const x of v.value) sink.f32(x);
      return;
    case 'i32[]':
      sink.u32(VALUE_TYPE.array);
      sink.u32(VALUE_TYPE.i32);
      sink.u64(v.value.length);
      for (const x of v.value) sink.i32(x);
      return;
  }
}

/**
 * Builds the bytes of a GGUF v3 file: header, metadata, tensor table, then aligned tensor data.
 * Output depends only on the input, so equal inputs give byte-identical files.
 *
 * @example
 * const bytes = writeGguf({ metadata: [['general.architecture', { type: 'string', value: 'llama' }]], tensors: [] });
 */
export function writeGguf(image: GgufImage): Buffer {
  if (endianness() !== 'LE') throw new Error('writeGguf supports little-endian hosts only.');
  const alignment = image.alignment ?? 32;
  const sink = new ByteSink();
  sink.bytes(Buffer.from('GGUF', 'latin1'));
  sink.u32(3);
  sink.u64(image.tensors.length);
  sink.u64(image.metadata.length);
  for (const [key, value] of image.metadata) {
    sink.string(key);
    writeValue(sink, value);
  }
  let offset = 0;
  for (const t of image.tensors) {
    const elements = t.dims.reduce((a, b) => a * b, 1);
    if (elements !== t.data.length) throw new Error(`Tensor ${t.name}: dims hold ${elements} values, data ${t.data.length}.`);
    sink.string(t.name);
    sink.u32(t.dims.length);
    for (const d of t.dims) sink.u64(d);
    sink.u32(TENSOR_TYPE[t.type]);
    sink.u64(offset);
    offset = align(offset + t.data.byteLength, alignment);
  }
  sink.padTo(alignment);
  for (const t of image.tensors) {
    sink.bytes(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
    sink.padTo(alignment);
  }
  return sink.result();
}
