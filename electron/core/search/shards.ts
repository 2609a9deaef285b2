/**
 * Term shards: the index split into {@link SHARDS} minisearch instances by the first character of
 * each token, so a query needs only the shards of its own tokens — and a prefix search for a
 * single character (国 → 国家, 国人, …) stays in one shard. Shards are loaded on first use, and
 * only changed ones are saved: a library opens at once however large its index is.
 *
 * @example
 * const shards = createShards((i) => loadShardFile(i));
 * shards.add('d_1', { title: ['基层'], text: ['基层', '层减', '减负'] });
 * shards.lookup('基层', false); // → Map { 'd_1' => 1.2 }
 */
import MiniSearch from 'minisearch';

export const SHARDS = 64;

/** The parts of a minisearch instance that {@link Shards.lookup} reads (pinned by a unit test). */
type Postings = Map<number, Map<number, number>>;
interface Internals {
  _index: { get(term: string): Postings | undefined; atPrefix(prefix: string): Iterable<[string, Postings]> };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _documentCount: number;
}

function entriesOf(shard: Internals, token: string, prefix: boolean): Iterable<[string, Postings]> {
  if (prefix) return shard._index.atPrefix(token);
  const postings = shard._index.get(token);
  return postings ? [[token, postings]] : [];
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

/** The shard of a token: a hash of its first code point. */
export function shardOf(token: string): number {
  const cp = token.codePointAt(0) ?? 0;
  return (Math.imul(cp, 2654435761) >>> 0) % SHARDS;
}

export interface Shards {
  /** Adds a unit's tokens; returns the shards it went into (needed to remove it). */
  add(unitId: string, tokens: { title: string[]; text: string[] }): number[];
  remove(unitId: string, shards: number[]): void;
  /** Units having `token` (or, with `prefix`, a token starting with it), with their scores. */
  lookup(token: string, prefix: boolean): Map<string, number>;
  /** How many units have the token (an upper bound for a prefix): to start from the rarest. */
  frequency(token: string, prefix: boolean): number;
  /** The score a token gives one unit (0 when the unit lacks it). */
  scoreOf(token: string, prefix: boolean, unitId: string): number;
  /** Plain objects of the shards changed since the last call (index → object). */
  takeDirty(): Map<number, unknown>;
  /** Every shard as a plain object (loading those not yet loaded). */
  all(): unknown[];
}

export function createShards(load: (index: number) => unknown | undefined = () => undefined): Shards {
  const shards: (MiniSearch | undefined)[] = Array.from({ length: SHARDS }, () => undefined);
  const dirty = new Set<number>();
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
    add(unitId, tokens) {
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
        get(i).add({ id: unitId, title: group.title.join(SEP), text: group.text.join(SEP) });
        dirty.add(i);
      }
      return [...groups.keys()];
    },
    remove(unitId, list) {
      for (const i of list) {
        const shard = get(i);
        if (shard.has(unitId)) shard.discard(unitId);
        dirty.add(i);
      }
    },
    lookup(token, prefix) {
      // Straight from the shard's postings: minisearch's own search builds a result object with
      // match details for every document, which on a bigram found in thousands of units costs
      // more than the whole rest of a query.
      const shard = get(shardOf(token)) as unknown as Internals;
      const out = new Map<string, number>();
      for (const [, postings] of entriesOf(shard, token, prefix)) {
        const idf = idfOf(shard, postings);
        for (const [field, docs] of postings) {
          const boost = field === shard._fieldIds.title ? 3 : 1;
          for (const [shortId, tf] of docs) {
            const id = shard._documentIds.get(shortId);
            if (id === undefined) continue; // discarded, not yet vacuumed
            out.set(id, (out.get(id) ?? 0) + (1 + Math.log(tf)) * idf * boost);
          }
        }
      }
      return out;
    },
    frequency(token, prefix) {
      const shard = get(shardOf(token)) as unknown as Internals;
      let n = 0;
      for (const [, postings] of entriesOf(shard, token, prefix)) for (const docs of postings.values()) n += docs.size;
      return n;
    },
    scoreOf(token, prefix, unitId) {
      const shard = get(shardOf(token)) as unknown as Internals;
      const shortId = shard._idToShortId.get(unitId);
      if (shortId === undefined) return 0;
      let score = 0;
      for (const [, postings] of entriesOf(shard, token, prefix)) {
        const idf = idfOf(shard, postings);
        for (const [field, docs] of postings) {
          const tf = docs.get(shortId);
          if (tf) score += (1 + Math.log(tf)) * idf * (field === shard._fieldIds.title ? 3 : 1);
        }
      }
      return score;
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
