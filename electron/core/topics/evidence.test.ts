import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inTitleOf, MAX_TEXT, phraseEvidence, phraseIdf, phraseIds, phraseScore, phrasesIn, scanPhrases } from './evidence';
import { builtinTopics } from './taxonomy';
import { SHARED } from '../../../test/support/shared';

const taxonomy = builtinTopics(join(import.meta.dirname, '..', '..', '..', 'resources', 'topics', 'zh-CN.json'));

/** The plain way: repeated indexOf from the end of the last match. */
function naiveCount(text: string, phrase: string): number {
  let n = 0;
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) n++;
  return n;
}

describe('phrase evidence', () => {
  it('counts every 提法 of the taxonomy in one pass as repeated indexOf does, on real commentaries', () => {
    const dir = join(SHARED, 'corpus', 'html', 'rmrb-commentary', 'html');
    const files = readdirSync(dir).filter((f) => f.endsWith('.html')).slice(0, 40);
    let found = 0;
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8').replace(/<[^>]*>/g, '');
      const title = f.split('-')[1] ?? '';
      const scan = scanPhrases({ title, text }, taxonomy);
      scan.matcher.phrases.forEach((p, i) => {
        expect(scan.counts[i], p).toBe(naiveCount(text, p));
        expect(scan.inTitle[i] === 1, p).toBe(title.includes(p));
      });
      found += phrasesIn(title, text, taxonomy).length;
    }
    expect(found).toBeGreaterThan(files.length * 5);
  });

  it('counts overlapping occurrences once, phrases at the very end, and reads long texts only up to MAX_TEXT', () => {
    const topics = [
      { path: 'a', description: '', phrases: ['哈哈', '减负'] },
      { path: 'b', description: '', phrases: ['减负松绑', '负'] },
    ];
    const scan = scanPhrases({ title: '松绑', text: '哈哈哈哈哈为基层减负松绑，减负' }, topics);
    const count = (p: string): number => scan.counts[scan.matcher.id.get(p)!]!;
    expect([count('哈哈'), count('减负'), count('减负松绑'), count('负')]).toEqual([2, 2, 1, 2]);
    const long = `${'字'.repeat(MAX_TEXT - 1)}减负`;
    const cut = scanPhrases({ title: '', text: long }, topics);
    expect(cut.counts[cut.matcher.id.get('减负')!]).toBe(0);
    expect(cut.counts[cut.matcher.id.get('负')!]).toBe(0);
  });

  it('weighs the phrases found by rarity, with a bonus for the title', () => {
    const topic = { path: '基层治理/基层减负', description: '', phrases: ['减负', '松绑', '文山会海'] };
    const scan = scanPhrases({ title: '为基层减负', text: '基层减负要减负，松绑' }, [topic]);
    const rare = phraseEvidence(scan, topic, { docs: 100, df: { 减负: 3, 松绑: 3 } });
    const common = phraseEvidence(scan, topic, { docs: 100, df: { 减负: 90, 松绑: 90 } });
    expect(rare.found).toEqual(['减负', '松绑']);
    expect(rare.inTitle).toBe(1);
    expect(rare.score).toBeGreaterThan(common.score * 2);
    expect(rare.score).toBeCloseTo((Math.log1p(2) + 2) * (Math.log(101 / 4) + 1) + Math.log1p(1) * (Math.log(101 / 4) + 1), 6);
    // The ranker's allocation-free form gives the same number, and the same title count.
    const stats = { docs: 100, df: { 减负: 3, 松绑: 3 } };
    const ids = phraseIds(scan, topic);
    expect(phraseScore(scan, ids, phraseIdf(scan.matcher, stats))).toBe(rare.score);
    expect(inTitleOf(scan, ids)).toBe(rare.inTitle);
  });
});
