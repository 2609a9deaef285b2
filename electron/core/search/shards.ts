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
      const results = get(shardOf(token)).search(token, {
        prefix,
        fuzzy: false,
        tokenize: (t: string) => [t],
        processTerm: (t: string) => t,
        boost: { title: 3 },
      });
      return new Map(results.map((r) => [String(r.id), r.score]));
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
