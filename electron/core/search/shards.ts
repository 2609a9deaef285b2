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

export const SHARDS = 32;

/** The parts of a minisearch instance that {@link Shards.accumulate} reads (pinned by a unit test). */
type Postings = Map<number, Map<number, number>>;
interface Internals {
  _index: { get(term: string): Postings | undefined };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _documentCount: number;
}

function idfOf(shard: Internals, postings: Postings): number {
  let df = 0;
  for (const docs of postings.values()) df = Math.max(df, docs.size);
  return Math.log(1 + shard._documentCount / Math.max(1, df));
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
   * Adds a unit's tokens, with where each text bigram occurs; returns the shards it went into
   * (needed to remove it).
   */
  add(unitId: string, tokens: { title: string[]; text: string[] }, spans?: Spans): number[];
  remove(unitId: string, shards: number[]): void;
  /** How many units have the token: to start from the rarest. */
  frequency(token: string): number;
  /**
   * Term at a time: adds the token's postings to `tally` under `slot` (units numbered by
   * `numberOf`), and pushes onto `seen`, when given, each unit that has it.
   */
  accumulate(token: string, slot: number, tally: Tally, numberOf: (unitId: string) => number, seen?: number[]): void;
  /** Plain objects of the shards changed since the last call (index → object). */
  takeDirty(): Map<number, unknown>;
  /** Every shard as a plain object (loading those not yet loaded). */
  all(): unknown[];
}

export function createShards(load: (index: number) => unknown | undefined = () => undefined): Shards {
  const shards: (MiniSearch | undefined)[] = Array.from({ length: SHARDS }, () => undefined);
  const dirty = new Set<number>();
  /** Per shard, its short ids as unit numbers (see `accumulate`). */
  const numbered: (Int32Array | undefined)[] = [];
  const get = (i: number): MiniSearch => {
    let shard = shards[i];
    if (!shard) {
      const saved = load(i);
      shard = saved ? MiniSearch.loadJS(saved as never, SHARD_OPTIONS) : new MiniSearch(SHARD_OPTIONS);
      shards[i] = shard;
    }
    return shard;
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
      return [...groups.keys()];
    },
    remove(unitId, list) {
      for (const i of list) {
        const shard = get(i);
        if (shard.has(unitId)) shard.discard(unitId);
        dirty.add(i);
        numbered[i] = undefined;
      }
    },
    frequency(token) {
      const shard = get(shardOf(token)) as unknown as Internals;
      let n = 0;
      for (const docs of shard._index.get(token)?.values() ?? []) n += docs.size;
      return n;
    },
    accumulate(token, slot, tally, numberOf, seen) {
      // Straight from the shard's postings: minisearch's own search builds a result object with
      // match details for every document, which on a bigram found in thousands of units costs
      // more than the whole rest of a query.
      const i = shardOf(token);
      const shard = get(i) as unknown as Internals;
      const postings = shard._index.get(token);
      if (!postings) return;
      let numbers = numbered[i];
      if (!numbers) {
        // The shard's short ids as unit numbers (-1: discarded), rebuilt after the shard changes.
        let max = 0;
        for (const shortId of shard._documentIds.keys()) max = Math.max(max, shortId);
        numbers = new Int32Array(max + 1).fill(-1);
        for (const [shortId, unitId] of shard._documentIds) numbers[shortId] = numberOf(unitId);
        numbered[i] = numbers;
      }
      const idf = idfOf(shard, postings);
      const bit = 1 << slot;
      const at = slot * tally.size;
      // forEach, not for…of over entries: each [key, value] pair of an entries iterator was an
      // allocation, 200 KB a query on common bigrams, and the collections it caused hit p95.
      postings.forEach((docs, field) => {
        const title = field === shard._fieldIds.title;
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
      const out = new Map<number, unknown>();
      for (const i of dirty) out.set(i, get(i).toJSON());
      dirty.clear();
      return out;
    },
    all: () => shards.map((_, i) => get(i).toJSON()),
  };
}
