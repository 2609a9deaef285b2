/**
 * Term shards: the index split into {@link SHARDS} minisearch instances by the first character of
 * each token, so a query needs only the shards of its own tokens. Shards are loaded on first use, and
 * only changed ones are saved: a library opens at once however large its index is.
 *
 * @example
 * const shards = createShards((i) => loadShardFile(i));
 * shards.add('d_1', { title: ['基层'], text: ['基层', '层减', '减负'] });
 * const tally = tallyOf(1, 1);
 * shards.accumulate('基层', 0, tally, () => 0); // tally.mask[0] === 1, tally.score[0] > 0
 */
import MiniSearch from 'minisearch';
import { encodeShard, openShardFile, type Internals, type Postings, type ShardFile } from './shard-file.js';

export const SHARDS = 32;

/** What a query reads of a shard, from its minisearch instance or straight from its file. */
interface Reader {
  documentCount: number;
  titleField: number;
  documentIds(): Map<number, string>;
  postings(term: string): Postings | undefined;
}

const readerOf = (shard: MiniSearch): Reader => {
  const ms = shard as unknown as Internals;
  return { documentCount: ms._documentCount, titleField: ms._fieldIds.title!, documentIds: () => ms._documentIds, postings: (term) => ms._index.get(term) };
};

function idfOf(shard: Reader, postings: Postings): number {
  let df = 0;
  for (const docs of postings.values()) df = Math.max(df, docs.size);
  return Math.log(1 + shard.documentCount / Math.max(1, df));
}
const SEP = '\u0001';

const SHARD_OPTIONS = {
  fields: ['title', 'text'],
  storeFields: [] as string[],
  tokenize: (s: string) => (s ? s.split(SEP) : []),
  processTerm: (t: string) => t,
};

/**
 * A text posting holds, besides the term frequency (capped at 15), where in the unit's
 * normalized text the term first and last occurs (see `bigramSpans`), in blocks of
 * {@link blockSizeOf} bytes: `(firstBlock × BLOCKS + lastBlock) × 16 + tf`, a small integer
 * whatever the unit's size. Title postings hold the plain frequency.
 */
export const BLOCKS = 8192;
const TF = 16;
/**
 * The block size of a unit whose normalized text has `bytes` bytes of UTF-16: at most
 * {@link BLOCKS} blocks, each a whole number of characters (an even number of bytes).
 */
export const blockSizeOf = (bytes: number): number => 2 * Math.max(1, Math.ceil(bytes / 2 / BLOCKS));
const tfOf = (value: number): number => value % TF;
const pack = (first: number, last: number, tf: number): number => (first * BLOCKS + last) * TF + Math.min(tf, TF - 1);

/** Where each bigram of a unit's text first and last occurs (bytes), and the unit's block size. */
export interface Spans {
  bigrams: Map<string, [number, number]>;
  blockSize: number;
}

/**
 * Per-query arrays indexed by unit number, filled token by token ({@link Shards.accumulate}):
 * which tokens each unit has, its score, and where each token first and last occurs.
 */
export interface Tally {
  /** Units numbered 0 … size − 1. */
  size: number;
  /** Bit `slot` is set when the unit has the token of that slot. */
  mask: Int32Array;
  score: Float64Array;
  /** At `slot × size + unit`: the blocks of the token's first and last place in the text; -1 when the text lacks it. */
  first: Int32Array;
  last: Int32Array;
}

/** An empty tally for `size` units and `slots` tokens. */
export function tallyOf(size: number, slots: number): Tally {
  return { size, mask: new Int32Array(size), score: new Float64Array(size), first: new Int32Array(size * slots).fill(-1), last: new Int32Array(size * slots).fill(-1) };
}

/** The shard of a token: a hash of its first code point. */
export function shardOf(token: string): number {
  const cp = token.codePointAt(0) ?? 0;
  return (Math.imul(cp, 2654435761) >>> 0) % SHARDS;
}

export interface Shards {
  /**
   * Adds a unit's tokens, with where each text bigram occurs; returns the shards it went into,
   * as a bit mask (bit `i`: shard `i`), needed to remove it.
   */
  add(unitId: string, tokens: { title: string[]; text: string[] }, spans?: Spans): number;
  /** Removes a unit from the shards of `mask`. */
  remove(unitId: string, mask: number): void;
  /** How many units have the token: to start from the rarest. */
  frequency(token: string): number;
  /**
   * Term at a time: adds the token's postings to `tally` under `slot` (units numbered by
   * `numberOf`), and pushes onto `seen`, when given, each unit that has it.
   */
  accumulate(token: string, slot: number, tally: Tally, numberOf: (unitId: string) => number, seen?: number[]): void;
  /** The files of the shards changed since the last call (index → bytes; see `shard-file.ts`). */
  takeDirty(): Map<number, Buffer>;
}

/**
 * Shards of a new index, or of a saved one whose shard files `load` reads (undefined: no such
 * file). A query reads a saved shard's postings from its file; a change turns it into a minisearch
 * instance.
 */
export function createShards(load: (index: number) => Uint8Array | undefined = () => undefined): Shards {
  const shards: (MiniSearch | undefined)[] = Array.from({ length: SHARDS }, () => undefined);
  /** Saved shards opened for reading, not (yet) changed. */
  const files: (ShardFile | null | undefined)[] = [];
  const dirty = new Set<number>();
  /** Per shard, its short ids as unit numbers (see `accumulate`). */
  const numbered: (Int32Array | undefined)[] = [];
  const fileOf = (i: number): ShardFile | null => {
    if (files[i] === undefined) {
      const bytes = load(i);
      files[i] = bytes ? openShardFile(bytes) : null;
    }
    return files[i]!;
  };
  /** The shard as a minisearch instance, to change it. */
  const get = (i: number): MiniSearch => {
    let shard = shards[i];
    if (!shard) {
      shard = fileOf(i)?.toMiniSearch(SHARD_OPTIONS) ?? new MiniSearch(SHARD_OPTIONS);
      shards[i] = shard;
      files[i] = null;
    }
    return shard;
  };
  const readerAt = (i: number): Reader => {
    const shard = shards[i];
    if (shard) return readerOf(shard);
    const file = fileOf(i);
    return file ? { documentCount: file.documentCount, titleField: file.fieldIds.title!, documentIds: file.documentIds, postings: file.postings } : readerOf(get(i));
  };

  return {
    add(unitId, tokens, spans) {
      const groups = new Map<number, { title: string[]; text: string[] }>();
      for (const field of ['title', 'text'] as const) {
        for (const token of tokens[field]) {
          const i = shardOf(token);
          let group = groups.get(i);
          if (!group) groups.set(i, (group = { title: [], text: [] }));
          group[field].push(token);
        }
      }
      for (const [i, group] of groups) {
        const shard = get(i);
        shard.add({ id: unitId, title: group.title.join(SEP), text: group.text.join(SEP) });
        const internals = shard as unknown as Internals;
        const shortId = internals._idToShortId.get(unitId)!;
        for (const token of new Set(group.text)) {
          const docs = internals._index.get(token)?.get(internals._fieldIds.text!);
          const tf = docs?.get(shortId);
          const span = spans?.bigrams.get(token);
          const blocks = span ? [Math.floor(span[0] / spans!.blockSize), Math.floor(span[1] / spans!.blockSize)] : [0, BLOCKS - 1];
          if (docs && tf !== undefined) docs.set(shortId, pack(blocks[0]!, blocks[1]!, tf));
        }
        dirty.add(i);
        numbered[i] = undefined;
      }
      let mask = 0;
      for (const i of groups.keys()) mask = (mask | (1 << i)) >>> 0;
      return mask;
    },
    remove(unitId, mask) {
      for (let i = 0; i < SHARDS; i++) {
        if (!(mask & (1 << i))) continue;
        const shard = get(i);
        if (shard.has(unitId)) shard.discard(unitId);
        dirty.add(i);
        numbered[i] = undefined;
      }
    },
    frequency(token) {
      let n = 0;
      for (const docs of readerAt(shardOf(token)).postings(token)?.values() ?? []) n += docs.size;
      return n;
    },
    accumulate(token, slot, tally, numberOf, seen) {
      // Straight from the shard's postings: minisearch's own search builds a result object with
      // match details for every document, which on a bigram found in thousands of units costs
      // more than the whole rest of a query.
      const i = shardOf(token);
      const shard = readerAt(i);
      const postings = shard.postings(token);
      if (!postings) return;
      let numbers = numbered[i];
      if (!numbers) {
        // The shard's short ids as unit numbers (-1: discarded), rebuilt after the shard changes.
        let max = 0;
        const ids = shard.documentIds();
        for (const shortId of ids.keys()) max = Math.max(max, shortId);
        numbers = new Int32Array(max + 1).fill(-1);
        for (const [shortId, unitId] of ids) numbers[shortId] = numberOf(unitId);
        numbered[i] = numbers;
      }
      const idf = idfOf(shard, postings);
      const bit = 1 << slot;
      const at = slot * tally.size;
      // forEach, not for…of over entries: each [key, value] pair of an entries iterator was an
      // allocation, 200 KB a query on common bigrams, and the collections it caused hit p95.
      postings.forEach((docs, field) => {
        const title = field === shard.titleField;
        const weight = idf * (title ? 3 : 1);
        docs.forEach((value, shortId) => {
          const unit = shortId < numbers.length ? numbers[shortId]! : -1;
          if (unit < 0 || unit >= tally.size) return;
          if (seen && !(tally.mask[unit]! & bit)) seen.push(unit);
          tally.mask[unit]! |= bit;
          tally.score[unit]! += (1 + Math.log(title ? value : tfOf(value))) * weight;
          if (!title) {
            const blocks = Math.floor(value / TF);
            tally.first[at + unit] = Math.floor(blocks / BLOCKS);
            tally.last[at + unit] = blocks % BLOCKS;
          }
        });
      });
    },
    takeDirty() {
      const out = new Map<number, Buffer>();
      for (const i of dirty) out.set(i, encodeShard(get(i)));
      dirty.clear();
      return out;
    },
  };
}
