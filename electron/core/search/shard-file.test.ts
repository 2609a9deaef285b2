import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { DamagedIndexError, encodeShard, openShardFile, type Internals } from './shard-file';

const OPTIONS = { fields: ['title', 'text'], storeFields: [] as string[], tokenize: (s: string) => (s ? s.split(' ') : []), processTerm: (t: string) => t };

function sample(): MiniSearch {
  const ms = new MiniSearch(OPTIONS);
  ms.add({ id: 'a', title: '基层', text: '基层 减负 减负 形式主义' });
  ms.add({ id: 'b#p2', title: '', text: '数字 政府 LaTeX 𠮷野' });
  ms.add({ id: 'c', title: '减负', text: '减负' });
  ms.discard('c'); // its postings stay until a vacuum, its id goes
  return ms;
}

describe('shard files', () => {
  it('reads back every posting, id and count, and only live documents', () => {
    const ms = sample();
    const file = openShardFile(encodeShard(ms));
    const internals = ms as unknown as Internals;
    expect(file.documentCount).toBe(2);
    expect([...file.documentIds()]).toEqual([...internals._documentIds]);
    for (const [term, postings] of internals._index) expect(file.postings(term)).toEqual(postings);
    expect(file.postings('不存在')).toBeUndefined();
    expect(file.postings('𠮷野')?.get(1)?.size).toBe(1);
  });

  it('becomes a minisearch instance that can change and be saved again', () => {
    const again = openShardFile(encodeShard(sample())).toMiniSearch(OPTIONS);
    again.add({ id: 'd', title: '', text: '减负 增效' });
    again.discard('a');
    const file = openShardFile(encodeShard(again));
    expect([...file.documentIds().values()].sort()).toEqual(['b#p2', 'd']);
    expect(again.search('增效').map((r) => r.id)).toEqual(['d']);
    expect(file.postings('增效')?.get(1)?.size).toBe(1);
  });

  it('reads a buffer that does not start on a word boundary', () => {
    const bytes = encodeShard(sample());
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    expect(openShardFile(shifted.subarray(1)).postings('减负')?.get(1)?.size).toBe(2);
  });

  it('refuses a file that is cut short, of another kind or altered', () => {
    const bytes = encodeShard(sample());
    expect(() => openShardFile(bytes.subarray(0, bytes.length - 8))).toThrow(DamagedIndexError);
    expect(() => openShardFile(Buffer.from('{"documentCount":1}    '))).toThrow(DamagedIndexError);
    expect(() => openShardFile(Buffer.alloc(0))).toThrow(DamagedIndexError);
    const altered = Buffer.from(bytes);
    altered.writeUInt32LE(0xffffff, altered.length - 4 * 3); // a term's posting count beyond its end
    expect(() => {
      const file = openShardFile(altered);
      for (const term of ['减负', '基层', '形式主义', '数字', '政府', 'LaTeX', '𠮷野']) file.postings(term);
    }).toThrow(DamagedIndexError);
  });
});
