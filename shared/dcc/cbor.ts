// A strict, bounded CBOR (RFC 8949) reader and a small writer: enough for COSE and CWT. The reader
// meets attacker-made bytes, so every declared length is checked against the bytes that remain
// before anything is allocated, nesting is bounded, map keys are integers or text and never
// repeat, text must be valid UTF-8, and trailing bytes are an error.

import { decodeUtf8, encodeUtf8 } from '../codes/utf8';

export type CborValue = number | bigint | string | Uint8Array | boolean | null | undefined | CborValue[] | CborMap | CborTag;
export type CborKey = number | bigint | string;
export type CborMap = Map<CborKey, CborValue>;

export class CborTag {
  constructor(
    readonly tag: number,
    readonly value: CborValue,
  ) {}
}

export class CborError extends Error {
  override name = 'CborError';
}

/** COSE and CWT nest four levels; a certificate a few more. Far past that is an attack. */
const MAX_DEPTH = 24;
const BREAK = Symbol('break');

export function decodeCbor(bytes: Uint8Array): CborValue {
  const reader = new Reader(bytes);
  const value = reader.item(0);
  if (value === BREAK) throw new CborError('unexpected break');
  if (reader.at !== bytes.length) throw new CborError(`${bytes.length - reader.at} bytes after the end of the item`);
  return value;
}

class Reader {
  at = 0;
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(count: number): void {
    if (count > this.bytes.length - this.at) throw new CborError(`needs ${count} bytes at offset ${this.at}, ${this.bytes.length - this.at} left`);
  }

  private byte(): number {
    this.need(1);
    return this.bytes[this.at++]!;
  }

  /** The argument of an initial byte: a count, a length or an integer. null for indefinite length. */
  private argument(info: number): number | bigint | null {
    if (info < 24) return info;
    const sizes: Record<number, number> = { 24: 1, 25: 2, 26: 4, 27: 8 };
    const size = sizes[info];
    if (info === 31) return null;
    if (size === undefined) throw new CborError(`reserved additional information ${info}`);
    this.need(size);
    const start = this.at;
    this.at += size;
    if (size === 1) return this.view.getUint8(start);
    if (size === 2) return this.view.getUint16(start);
    if (size === 4) return this.view.getUint32(start);
    const big = this.view.getBigUint64(start);
    return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }

  /** A length or count: it must fit the bytes that remain (every item takes at least one). */
  private length(info: number): number | null {
    const value = this.argument(info);
    if (value === null) return null;
    if (typeof value === 'bigint' || value > this.bytes.length - this.at) throw new CborError(`declared length ${value} exceeds the ${this.bytes.length - this.at} bytes left`);
    return value;
  }

  item(depth: number): CborValue | typeof BREAK {
    if (depth > MAX_DEPTH) throw new CborError(`nested deeper than ${MAX_DEPTH}`);
    const initial = this.byte();
    const major = initial >> 5;
    const info = initial & 0x1f;
    switch (major) {
      case 0:
      case 1: {
        const value = this.argument(info);
        if (value === null) throw new CborError('an integer cannot have indefinite length');
        if (major === 0) return value;
        return typeof value === 'bigint' || value === Number.MAX_SAFE_INTEGER ? -1n - BigInt(value) : -1 - value;
      }
      case 2:
        return concat(this.chunks(info));
      case 3:
        return decodeText(concat(this.chunks(info)));
      case 4: {
        const count = this.length(info);
        const items: CborValue[] = [];
        for (let index = 0; count === null || index < count; index += 1) {
          const value = this.item(depth + 1);
          if (value === BREAK) {
            if (count === null) break;
            throw new CborError('unexpected break in an array');
          }
          items.push(value);
        }
        return items;
      }
      case 5: {
        const count = this.length(info);
        const map: CborMap = new Map();
        for (let index = 0; count === null || index < count; index += 1) {
          // Told apart by major type: a float 4.0 is no integer label 4.
          const keyMajor = this.at < this.bytes.length ? this.bytes[this.at]! >> 5 : -1;
          const key = this.item(depth + 1);
          if (key === BREAK) {
            if (count === null) break;
            throw new CborError('unexpected break in a map');
          }
          if ((keyMajor > 1 && keyMajor !== 3) || (typeof key !== 'number' && typeof key !== 'bigint' && typeof key !== 'string')) throw new CborError('a map key must be an integer or text');
          if (map.has(key)) throw new CborError(`duplicate map key ${String(key)}`);
          const value = this.item(depth + 1);
          if (value === BREAK) throw new CborError('a map key without a value');
          map.set(key, value);
        }
        return map;
      }
      case 6: {
        const tag = this.argument(info);
        if (tag === null || typeof tag === 'bigint') throw new CborError('unsupported tag number');
        const value = this.item(depth + 1);
        if (value === BREAK) throw new CborError('a tag without a value');
        return new CborTag(tag, value);
      }
      default:
        return this.simple(info);
    }
  }

  /** A byte or text string's bytes: one definite run, or the definite chunks of an indefinite one. */
  private chunks(info: number): Uint8Array[] {
    const major = this.bytes[this.at - 1]! >> 5;
    const length = this.length(info);
    if (length !== null) return [this.take(length)];
    const chunks: Uint8Array[] = [];
    for (;;) {
      const next = this.byte();
      if (next === 0xff) return chunks;
      if (next >> 5 !== major || (next & 0x1f) === 31) throw new CborError('an indefinite string chunk of another type');
      chunks.push(this.take(this.length(next & 0x1f)!));
    }
  }

  private take(length: number): Uint8Array {
    const chunk = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return chunk;
  }

  private simple(info: number): CborValue | typeof BREAK {
    switch (info) {
      case 20:
        return false;
      case 21:
        return true;
      case 22:
        return null;
      case 23:
        return undefined;
      case 25: {
        this.need(2);
        const half = this.view.getUint16(this.at);
        this.at += 2;
        return halfToNumber(half);
      }
      case 26: {
        this.need(4);
        const value = this.view.getFloat32(this.at);
        this.at += 4;
        return value;
      }
      case 27: {
        this.need(8);
        const value = this.view.getFloat64(this.at);
        this.at += 8;
        return value;
      }
      case 31:
        return BREAK;
      default:
        throw new CborError(`unsupported simple value ${info}`);
    }
  }
}

function halfToNumber(half: number): number {
  const sign = half & 0x8000 ? -1 : 1;
  const exponent = (half >> 10) & 0x1f;
  const fraction = half & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function decodeText(bytes: Uint8Array): string {
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new CborError('text that is not UTF-8');
  return text;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!.slice();
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** What the writer takes: CBOR values, and plain objects as maps with text keys. */
export type CborInput = CborValue | CborInput[] | Map<CborKey, CborInput> | { readonly [key: string]: CborInput };

export function encodeCbor(value: CborInput): Uint8Array {
  const parts: number[] = [];
  write(value, parts);
  return Uint8Array.from(parts);
}

function head(major: number, argument: number | bigint, out: number[]): void {
  const value = BigInt(argument);
  const top = major << 5;
  if (value < 24n) out.push(top | Number(value));
  else if (value < 0x100n) out.push(top | 24, Number(value));
  else if (value < 0x10000n) out.push(top | 25, Number(value >> 8n), Number(value & 0xffn));
  else if (value < 0x100000000n) out.push(top | 26, ...bytesOf(value, 4));
  else out.push(top | 27, ...bytesOf(value, 8));
}

function bytesOf(value: bigint, size: number): number[] {
  return Array.from({ length: size }, (_, index) => Number((value >> BigInt(8 * (size - 1 - index))) & 0xffn));
}

function write(value: CborInput, out: number[]): void {
  if (value === false) out.push(0xf4);
  else if (value === true) out.push(0xf5);
  else if (value === null) out.push(0xf6);
  else if (value === undefined) out.push(0xf7);
  else if (typeof value === 'bigint') head(value < 0n ? 1 : 0, value < 0n ? -1n - value : value, out);
  else if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) head(value < 0 ? 1 : 0, value < 0 ? -1 - value : value, out);
    else {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, value);
      out.push(0xfb, ...new Uint8Array(view.buffer));
    }
  } else if (typeof value === 'string') {
    const bytes = encodeUtf8(value);
    head(3, bytes.length, out);
    out.push(...bytes);
  } else if (value instanceof Uint8Array) {
    head(2, value.length, out);
    for (const byte of value) out.push(byte);
  } else if (Array.isArray(value)) {
    head(4, value.length, out);
    for (const item of value) write(item, out);
  } else if (value instanceof CborTag) {
    head(6, value.tag, out);
    write(value.value, out);
  } else {
    const entries: [CborInput, CborInput][] = value instanceof Map ? [...value.entries()] : Object.entries(value);
    head(5, entries.length, out);
    for (const [key, item] of entries) {
      write(key, out);
      write(item, out);
    }
  }
}
