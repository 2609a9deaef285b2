/**
 * A term shard on disk (`index/shard-NN.bin`): what minisearch keeps of a shard, with its postings
 * behind a sorted term dictionary, so that a query reads one term's postings straight from the
 * file's bytes — a one-shot search (`yandu search`) no longer parses whole shards, and a shard
 * becomes a minisearch instance only when it changes.
 *
 * Layout, all 32-bit little-endian words: magic, version, header length in bytes, the header
 * (JSON: counts, field ids, average lengths) padded to a word; the documents (count, short ids,
 * field lengths per document and field, then the ids as UTF-8 joined by NUL, padded); the terms
 * (count, UTF-16 offsets and posting offsets, each count + 1 long, the UTF-16 text padded) and the
 * postings: per term, its field count, then per field its id, its document count and pairs of
 * (short id, value).
 *
 * @example
 * const bytes = encodeShard(miniSearch);
 * const file = openShardFile(bytes);
 * file.postings('基层'); // → Map { fieldId → Map { shortId → value } }
 * const again = file.toMiniSearch(options); // an instance to change
 */
import MiniSearch, { type Options } from 'minisearch';

const MAGIC = 0x31485359; // "YSH1"
const VERSION = 1;

/** Field id → (short id → value): one term's postings, as minisearch keeps them. */
export type Postings = Map<number, Map<number, number>>;

/** The parts of a minisearch instance read and written here (pinned by the shard tests). */
export interface Internals {
  _index: { get(term: string): Postings | undefined; set(term: string, postings: Postings): void; [Symbol.iterator](): Iterator<[string, Postings]> };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

/** A shard file that is not one, or is cut short: the index must be rebuilt. */
export class DamagedIndexError extends Error {}

interface Header {
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
}

/** A growable array of words. */
class Words {
  data = new Uint32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  bytes(bytes: Uint8Array): void {
    const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
    padded.set(bytes);
    const words = new Uint32Array(padded.buffer);
    for (const w of words) this.push(w);
  }
}

/** The shard's bytes (see the file comment). */
export function encodeShard(shard: MiniSearch): Buffer {
  const ms = shard as unknown as Internals;
  const out = new Words();
  const header: Header = { documentCount: ms._documentCount, nextId: ms._nextId, dirtCount: ms._dirtCount, fieldIds: ms._fieldIds, averageFieldLength: ms._avgFieldLength };
  const headerBytes = Buffer.from(JSON.stringify(header));
  out.push(MAGIC);
  out.push(VERSION);
  out.push(headerBytes.length);
  out.bytes(headerBytes);

  const fields = Object.keys(ms._fieldIds).length;
  const shortIds = [...ms._documentIds.keys()];
  out.push(shortIds.length);
  for (const id of shortIds) out.push(id);
  for (const id of shortIds) for (let f = 0; f < fields; f++) out.push(ms._fieldLength.get(id)?.[f] ?? 0);
  const ids = Buffer.from(shortIds.map((id) => ms._documentIds.get(id)!).join('\0'));
  out.push(ids.length);
  out.bytes(ids);

  const terms = [...ms._index].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  out.push(terms.length);
  let units = 0;
  out.push(0);
  for (const [term] of terms) out.push((units += term.length));
  const postings = new Words();
  out.push(0);
  for (const [, byField] of terms) {
    postings.push(byField.size);
    byField.forEach((docs, field) => {
      postings.push(field);
      postings.push(docs.size);
      docs.forEach((value, shortId) => {
        postings.push(shortId);
        postings.push(value);
      });
    });
    out.push(postings.length);
  }
  const text = new Uint16Array(units);
  let at = 0;
  for (const [term] of terms) for (let i = 0; i < term.length; i++) text[at++] = term.charCodeAt(i);
  out.bytes(new Uint8Array(text.buffer));
  out.push(postings.length);
  for (let i = 0; i < postings.length; i++) out.push(postings.data[i]!);
  return Buffer.from(out.data.buffer, 0, out.length * 4);
}

export interface ShardFile {
  readonly documentCount: number;
  readonly fieldIds: Record<string, number>;
  /** Short id → unit id, decoded on first use. */
  documentIds(): Map<number, string>;
  /** The term's postings, or undefined when no unit has it. */
  postings(term: string): Postings | undefined;
  /** The shard as a minisearch instance, to change it. */
  toMiniSearch(options: Options): MiniSearch;
}

/** Reads a shard file's structure (not its postings, read per term); throws DamagedIndexError when it is not whole. */
export function openShardFile(bytes: Uint8Array): ShardFile {
  const damaged = (what: string): never => {
    throw new DamagedIndexError(`search: a shard file is damaged (${what}).`);
  };
  if (bytes.length % 4 || bytes.length < 16) damaged('length');
  // Words read in place when aligned (a file read whole is), else from a copy.
  const w = bytes.byteOffset % 4 ? new Uint32Array(new Uint8Array(bytes).buffer) : new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const word = (i: number): number => (i < w.length ? w[i]! : damaged('cut short'));
  if (word(0) !== MAGIC || word(1) !== VERSION) damaged('not a shard file of this version');
  const headerLength = word(2);
  const u8 = new Uint8Array(w.buffer, w.byteOffset, w.byteLength);
  let p = 3 + Math.ceil(headerLength / 4);
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(u8.subarray(12, 12 + headerLength)).toString('utf8')) as Header;
  } catch {
    return damaged('header');
  }
  const fields = Object.keys(header.fieldIds).length;
  const docs = word(p++);
  const shortIdsAt = p;
  const lengthsAt = p + docs;
  p = lengthsAt + docs * fields;
  const idsBytes = word(p++);
  const idsAt = p * 4;
  p += Math.ceil(idsBytes / 4);
  const termCount = word(p++);
  const termOffsetsAt = p;
  p += termCount + 1;
  const postingOffsetsAt = p;
  p += termCount + 1;
  const textUnits = word(termOffsetsAt + termCount);
  const textAt = p;
  p += Math.ceil((textUnits * 2) / 4);
  const postingWords = word(p++);
  const postingsAt = p;
  if (postingsAt + postingWords !== w.length || word(postingOffsetsAt + termCount) !== postingWords) damaged('sizes');
  for (let i = 0; i < termCount; i++) {
    if (w[termOffsetsAt + i]! > w[termOffsetsAt + i + 1]! || w[postingOffsetsAt + i]! > w[postingOffsetsAt + i + 1]!) damaged('term table');
  }
  const text = new Uint16Array(w.buffer, w.byteOffset + textAt * 4, textUnits);
  const termAt = (k: number): string => String.fromCharCode(...text.subarray(w[termOffsetsAt + k]!, w[termOffsetsAt + k + 1]!));

  let ids: Map<number, string> | undefined;
  const documentIds = (): Map<number, string> => {
    if (ids) return ids;
    const names = Buffer.from(u8.subarray(idsAt, idsAt + idsBytes)).toString('utf8').split('\0');
    if (names.length !== docs && docs) damaged('document ids');
    ids = new Map();
    for (let i = 0; i < docs; i++) ids.set(w[shortIdsAt + i]!, names[i]!);
    return ids;
  };
  const decode = (k: number): Postings => {
    const end = postingsAt + w[postingOffsetsAt + k + 1]!;
    let q = postingsAt + w[postingOffsetsAt + k]!;
    const out: Postings = new Map();
    for (let f = word(q++); f > 0; f--) {
      const field = word(q++);
      const count = word(q++);
      if (q + 2 * count > end) damaged('postings');
      const byDoc = new Map<number, number>();
      for (let i = 0; i < count; i++, q += 2) byDoc.set(w[q]!, w[q + 1]!);
      out.set(field, byDoc);
    }
    return out;
  };
  const find = (term: string): number => {
    let lo = 0;
    let hi = termCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = termAt(mid);
      if (t === term) return mid;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };

  return {
    documentCount: header.documentCount,
    fieldIds: header.fieldIds,
    documentIds,
    postings(term) {
      const k = find(term);
      return k < 0 ? undefined : decode(k);
    },
    toMiniSearch(options) {
      const shard = MiniSearch.loadJS({ ...header, documentIds: {}, fieldLength: {}, storedFields: {}, index: [], serializationVersion: 2 }, options);
      const ms = shard as unknown as Internals;
      for (const [shortId, id] of documentIds()) {
        ms._documentIds.set(shortId, id);
        ms._idToShortId.set(id, shortId);
      }
      for (let i = 0; i < docs; i++) ms._fieldLength.set(w[shortIdsAt + i]!, Array.from(w.subarray(lengthsAt + i * fields, lengthsAt + (i + 1) * fields)));
      for (let k = 0; k < termCount; k++) ms._index.set(termAt(k), decode(k));
      return shard;
    },
  };
}
