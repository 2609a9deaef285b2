/**
 * Exam topics through core: the built-in taxonomy (科目 and at least 40 themes with key phrases
 * and descriptions), suggestions for the real article fixture, suggestions that learn from
 * accepted and rejected topics, `show --json`, tagging with sub-topics counted and searched,
 * and editing the taxonomy (add, rename, move, merge, delete) with every tag following.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { builtinTopics, trainingTopics } from '../../electron/core/topics/taxonomy';
import { yandu } from '../support/cli';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const NOTES: Record<string, string> = {
  'a.txt': '政务服务改革笔记\n推进数字政府建设，政务服务一网通办，让数据多跑路、群众少跑腿。打破信息孤岛，推进数据共享。同时要为基层减负，精简督查检查考核。',
  'b.txt': '一网通办调研\n各地推进一网通办和跨省通办，数字政府建设提速，数据共享水平提高。基层减负方面，清理政务应用程序，减少填表报数。',
  'c.txt': '乡村振兴观察\n全面推进乡村振兴，守住粮食安全底线，建设高标准农田，发展农村电商，促进农民增收。',
};

describe('exam topics', () => {
  let core: Core;
  let library: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const root = await tempDir('topics-');
    const files = join(root, 'files');
    await mkdir(files);
    await copyFile(join(SHARED, 'fixtures', 'beichen-article.html'), join(files, 'beichen.html'));
    for (const [name, text] of Object.entries(NOTES)) await writeFile(join(files, name), text);
    library = join(root, 'library');
    core = await createCore({ libraryDir: library });
    const report = await core.api.addPaths({ paths: [files] });
    for (const { id, path } of report.added) ids[path.split('/').pop()!] = id;
  }, 60_000);
  afterAll(() => core?.close());

  it('ships a taxonomy of subjects and at least 40 themes, each with phrases and a description', async () => {
    const all = builtinTopics();
    const subjects = all.filter((t) => t.path.startsWith('科目/'));
    expect(subjects.map((t) => t.path.split('/')[1])).toEqual(['申论·策论', '公文写作', '公共基础知识', '案例分析', '时政热点']);
    const themes = all.filter((t) => !t.path.startsWith('科目'));
    expect(themes.length).toBeGreaterThanOrEqual(40);
    for (const t of themes) {
      expect(t.phrases.length, t.path).toBeGreaterThan(0);
      expect(t.description, t.path).toBeTruthy();
    }
    expect(themes.some((t) => t.path === '党的建设/作风建设/形式主义官僚主义')).toBe(true);
    // The genre's wording is for training only: every theme has some, the library's copy none.
    const training = trainingTopics().filter((t) => !t.path.startsWith('科目'));
    expect(training.map((t) => t.path)).toEqual(themes.map((t) => t.path));
    for (const t of training) expect(t.wording, t.path).toBeTruthy();
    expect(all.some((t) => 'wording' in t)).toBe(false);
    expect((await core.api.listTopics({})).length).toBe(all.length);
  });

  it('suggests 作风建设, 基层减负 and 数字政府 for the beichen article, with the phrases that triggered them', async () => {
    const doc = await core.api.getDocument({ id: ids['beichen.html']! });
    const top5 = doc.suggestedTopics!.slice(0, 5).map((s) => s.path);
    expect(top5.some((p) => p.startsWith('党的建设/作风建设'))).toBe(true);
    expect(top5.some((p) => p === '基层治理/基层减负' || p === '基层治理')).toBe(true);
    expect(top5.some((p) => p.startsWith('数字政府'))).toBe(true);
    const formalism = doc.suggestedTopics!.find((s) => s.path.startsWith('党的建设/作风建设'))!;
    expect(formalism.phrases).toContain('形式主义');
    expect(formalism).toMatchObject({ id: formalism.path, name: formalism.path.split('/').pop() });
    // The best-scoring theme leads, and is the one shown (and applied on import as 推荐).
    const scores = doc.suggestedTopics!.map((s) => s.score);
    expect(scores[0]).toBe(Math.max(...scores));
    expect(doc.suggestedTopics![0]!.shown).toBe(true);
    expect(doc.recommendedTopics).toContain(doc.suggestedTopics![0]!.path);
  });

  it('learns: a rejected topic falls and an accepted one rises on similar documents', async () => {
    const scoreOn = async (file: string, path: string): Promise<number> => (await core.api.getDocument({ id: ids[file]! })).suggestedTopics!.find((s) => s.path === path)?.score ?? 0;
    const rejected = '基层治理/基层减负';
    const accepted = '数字政府/一网通办';
    const before = { rejected: await scoreOn('b.txt', rejected), accepted: await scoreOn('b.txt', accepted) };
    expect(before.rejected).toBeGreaterThan(0);
    expect(before.accepted).toBeGreaterThan(0);
    await core.api.reviewSuggestion({ id: ids['a.txt']!, topic: rejected, accept: false });
    await core.api.reviewSuggestion({ id: ids['a.txt']!, topic: accepted, accept: true });
    expect(await scoreOn('b.txt', rejected)).toBeLessThan(before.rejected);
    expect(await scoreOn('b.txt', accepted)).toBeGreaterThan(before.accepted);
    // On the document itself: the accepted topic is a tag, the rejected one is not suggested again.
    const a = await core.api.getDocument({ id: ids['a.txt']! });
    expect(a.topics).toEqual([accepted]);
    expect(a.suggestedTopics!.map((s) => s.path)).not.toContain(rejected);
    expect(a.suggestedTopics!.map((s) => s.path)).not.toContain(accepted);
  });

  it('shows suggestions in `show --json`', async () => {
    await core.close();
    const shown = await yandu(['show', ids['c.txt']!, '--json', '--library', library]);
    core = await createCore({ libraryDir: library });
    const doc = JSON.parse(shown.stdout) as { suggestedTopics: { id: string; name: string; path: string; score: number; phrases: string[] }[] };
    expect(doc.suggestedTopics[0]).toMatchObject({ path: expect.stringMatching(/^乡村振兴/) });
    for (const s of doc.suggestedTopics) expect(Object.keys(s).sort()).toEqual(['id', 'name', 'path', 'phrases', 'score', 'shown']);
  });

  it('tags documents, counts and searches sub-topics, and keeps tags through rename, move, merge and delete', async () => {
    await core.api.setDocumentTopics({ id: ids['c.txt']!, topics: ['乡村振兴/粮食安全'] });
    await expect(core.api.setDocumentTopics({ id: ids['c.txt']!, topics: ['不存在的专题'] })).rejects.toMatchObject({ code: 'bad-arguments' });
    const count = async (path: string): Promise<number> => (await core.api.listTopics({})).find((t) => t.path === path)?.documents ?? -1;
    expect(await count('乡村振兴')).toBe(1); // its sub-topic's document
    expect((await core.api.search({ query: '粮食安全', filters: { topics: ['乡村振兴'] } })).total).toBe(1);
    expect((await core.api.search({ query: '粮食安全', filters: { topics: ['数字政府'] } })).total).toBe(0);

    await core.api.renameTopic({ path: '乡村振兴/粮食安全', name: '粮食与耕地' });
    expect((await core.api.getDocument({ id: ids['c.txt']! })).topics).toEqual(['乡村振兴/粮食与耕地']);
    await core.api.moveTopic({ path: '乡村振兴/粮食与耕地', parent: '安全发展' });
    expect((await core.api.getDocument({ id: ids['c.txt']! })).topics).toEqual(['安全发展/粮食与耕地']);
    await core.api.addTopic({ parent: '安全发展', name: '我的专题', phrases: ['测试提法'] });
    await core.api.setDocumentTopics({ id: ids['b.txt']!, topics: ['安全发展/我的专题'] });
    expect(await core.api.mergeTopic({ from: '安全发展/我的专题', into: '安全发展/粮食与耕地' })).toEqual({ documents: 1, highlights: 0 });
    expect((await core.api.getDocument({ id: ids['b.txt']! })).topics).toEqual(['安全发展/粮食与耕地']);
    expect((await core.api.listTopics({})).find((t) => t.path === '安全发展/粮食与耕地')!.phrases).toContain('测试提法');
    expect(await core.api.deleteTopic({ path: '安全发展' })).toMatchObject({ documents: 2 });
    expect((await core.api.getDocument({ id: ids['c.txt']! })).topics).toEqual([]);
    expect((await core.api.listTopics({})).some((t) => t.path.startsWith('安全发展'))).toBe(false);
    await expect(core.api.moveTopic({ path: '数字政府', parent: '数字政府/一网通办' })).rejects.toMatchObject({ code: 'bad-arguments' });
  });
});
