import { describe, expect, it } from 'vitest';
import { createShards, shardOf, SHARDS, tallyOf, type Shards } from './shards';

/** Units having the token, with their scores. */
function lookup(shards: Shards, token: string, ids: string[]): Map<string, number> {
  const tally = tallyOf(ids.length, 1);
  const seen: number[] = [];
  shards.accumulate(token, 0, tally, (id) => ids.indexOf(id), seen);
  return new Map(seen.map((n) => [ids[n]!, tally.score[n]!]));
}

describe('term shards', () => {
  it('puts a token by its first character', () => {
    expect(shardOf('国家')).toBe(shardOf('国人'));
    expect(shardOf('基层')).toBeGreaterThanOrEqual(0);
    expect(shardOf('基层')).toBeLessThan(SHARDS);
  });

  it('finds units by token, scores title matches higher, and forgets removed units', () => {
    const shards = createShards();
    const a = shards.add('a', { title: ['基层'], text: ['减负'] });
    shards.add('b', { title: [], text: ['基层', '国家'] });
    expect([...lookup(shards, '基层', ['a', 'b']).keys()].sort()).toEqual(['a', 'b']);
    expect(lookup(shards, '基层', ['a', 'b']).get('a')!).toBeGreaterThan(lookup(shards, '基层', ['a', 'b']).get('b')!);
    expect(lookup(shards, '不存在', ['a', 'b']).size).toBe(0);
    shards.remove('a', a);
    expect([...lookup(shards, '基层', ['a', 'b']).keys()]).toEqual(['b']);
  });

  it('keeps where each text bigram first and last occurs, in blocks of the unit', () => {
    const shards = createShards();
    shards.add('a', { title: ['基层'], text: ['减负', '基层'] }, { bigrams: new Map([['减负', [3, 30]], ['基层', [9, 9]]]), blockSize: 1 });
    const tally = tallyOf(1, 2);
    shards.accumulate('减负', 0, tally, () => 0);
    shards.accumulate('基层', 1, tally, () => 0);
    expect(tally.mask[0]).toBe(3);
    expect([tally.first[0], tally.last[0], tally.first[1], tally.last[1]]).toEqual([3, 30, 9, 9]);
  });

  it('saves changed shards and reads them back', () => {
    const shards = createShards();
    shards.add('a', { title: [], text: ['数字', '政府'] });
    const saved = shards.takeDirty();
    expect(saved.size).toBeGreaterThan(0);
    const reopened = createShards((i) => saved.get(i));
    expect([...lookup(reopened, '政府', ['a']).keys()]).toEqual(['a']);
    expect(shards.takeDirty().size).toBe(0);
  });
});
