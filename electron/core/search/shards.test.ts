import { describe, expect, it } from 'vitest';
import { createShards, shardOf, SHARDS } from './shards';

describe('term shards', () => {
  it('puts a token by its first character, so a one-character prefix stays in one shard', () => {
    expect(shardOf('国家')).toBe(shardOf('国人'));
    expect(shardOf('国')).toBe(shardOf('国家'));
    expect(shardOf('基层')).toBeGreaterThanOrEqual(0);
    expect(shardOf('基层')).toBeLessThan(SHARDS);
  });

  it('finds units by token and by prefix, scores title matches higher, and forgets removed units', () => {
    const shards = createShards();
    const a = shards.add('a', { title: ['基层'], text: ['减负'] });
    shards.add('b', { title: [], text: ['基层', '国家'] });
    expect([...shards.lookup('基层', false).keys()].sort()).toEqual(['a', 'b']);
    expect(shards.lookup('基层', false).get('a')!).toBeGreaterThan(shards.lookup('基层', false).get('b')!);
    expect([...shards.lookup('国', true).keys()]).toEqual(['b']);
    expect(shards.lookup('不存在', false).size).toBe(0);
    shards.remove('a', a);
    expect([...shards.lookup('基层', false).keys()]).toEqual(['b']);
  });

  it('saves changed shards and reads them back', () => {
    const shards = createShards();
    shards.add('a', { title: [], text: ['数字', '政府'] });
    const saved = shards.takeDirty();
    expect(saved.size).toBeGreaterThan(0);
    const reopened = createShards((i) => saved.get(i));
    expect([...reopened.lookup('政府', false).keys()]).toEqual(['a']);
    expect(shards.takeDirty().size).toBe(0);
  });
});
