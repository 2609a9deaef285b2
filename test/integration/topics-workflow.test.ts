/**
 * Tags without busywork, through core: 推荐 tags applied on import (and not when the library's
 * `autoTopics` is off), confirmed or removed by a review, bulk tagging (confirm, confirm under a
 * topic, add, remove) and bulk delete with restore, the 专题 counts of confirmed and 推荐
 * documents, suggestions for a passage, and a library made with the first taxonomy brought up to
 * a newer one (new themes added, a renamed theme's tags following its alias, a theme the user
 * deleted staying deleted).
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { SHARED } from '../support/shared';
import { tempDir } from '../support/tmp';

const RMRB = join(SHARED, 'corpus', 'html', 'rmrb-commentary', 'html');
const FILES = ['20180820-向守护生命的医师致敬-王君平.html', '20190522-“大分诊”，合理配置医疗资源-李红梅.html', '20190724-让“互联网+教育”健康发展-赵婀娜.html', '20190611-让预付消费更安心-王珂.html'];

describe('topics without busywork', () => {
  it('applies 推荐 tags on import, counts them apart, and confirms, tags, untags and deletes in bulk', async () => {
    const root = await tempDir('topics-flow-');
    await mkdir(join(root, 'files'));
    for (const f of FILES) await copyFile(join(RMRB, f), join(root, 'files', f));
    const core = await createCore({ libraryDir: join(root, 'library'), workers: 0 });
    try {
      const report = await core.api.addPaths({ paths: [join(root, 'files')] });
      const docs = await core.api.listDocuments({});
      const id = (part: string): string => report.added.find((a) => a.path.includes(part))!.id;
      const doc = (part: string) => docs.find((d) => d.id === id(part))!;
      expect(doc('医师致敬').recommendedTopics).toContain('民生保障/医疗卫生');
      expect(doc('大分诊').recommendedTopics).toContain('民生保障/医疗卫生');
      expect(doc('互联网+教育').recommendedTopics).toContain('民生保障/教育');
      for (const d of docs) expect(d.topics).toEqual([]);

      // 专题 counts: nothing confirmed, 推荐 counted apart (parents include their children).
      let topics = await core.api.listTopics({});
      const count = (path: string) => topics.find((t) => t.path === path)!;
      expect(count('民生保障/医疗卫生')).toMatchObject({ documents: 0, recommended: 2 });
      expect(count('民生保障').recommended).toBeGreaterThanOrEqual(3);

      // Search by topic keeps 推荐 documents too (as the library's filter), sub-topics included;
      // the text the candidate searches decides among them.
      const byTopic = async (query: string, topic: string): Promise<string[]> => (await core.api.search({ query, filters: { topics: [topic] } })).hits.map((h) => h.docId).sort();
      expect(await byTopic('医', '民生保障/医疗卫生')).toEqual([id('医师致敬'), id('大分诊')].sort());
      expect(await byTopic('医', '民生保障')).toEqual(expect.arrayContaining([id('医师致敬'), id('大分诊')]));
      expect(await byTopic('医', '科技创新/知识产权保护')).toEqual([]);

      // The reader's ✓ on a 推荐 tag confirms it (and it is no longer 推荐).
      await core.api.reviewSuggestion({ id: id('医师致敬'), topic: '民生保障/医疗卫生', accept: true });
      const d1 = await core.api.getDocument({ id: id('医师致敬') });
      expect(d1.topics).toEqual(['民生保障/医疗卫生']);
      expect(d1.recommendedTopics ?? []).not.toContain('民生保障/医疗卫生');
      topics = await core.api.listTopics({});
      expect(count('民生保障/医疗卫生')).toMatchObject({ documents: 1, recommended: 1 });

      // Bulk: confirm only what is under 民生保障, then add and remove a topic on all.
      const all = docs.map((d) => d.id);
      const { changed } = await core.api.tagDocuments({ ids: all, confirm: true, under: '民生保障' });
      expect(changed).toBeGreaterThanOrEqual(2);
      const after = await core.api.listDocuments({});
      for (const d of after) expect((d.recommendedTopics ?? []).filter((t) => t.startsWith('民生保障'))).toEqual([]);
      expect(after.find((d) => d.id === id('互联网+教育'))!.topics).toContain('民生保障/教育');
      expect((await core.api.tagDocuments({ ids: all, add: ['科目/申论·策论'] })).changed).toBe(4);
      expect((await core.api.tagDocuments({ ids: all, add: ['科目/申论·策论'] })).changed).toBe(0);
      expect((await core.api.tagDocuments({ ids: all, remove: ['民生保障'] })).changed).toBeGreaterThanOrEqual(3);
      for (const d of await core.api.listDocuments({})) expect(d.topics.filter((t) => t.startsWith('民生保障'))).toEqual([]);
      // Untagged (confirmed and 推荐 alike): search by the topic no longer finds them.
      expect(await byTopic('医', '民生保障')).toEqual([]);
      await expect(core.api.tagDocuments({ ids: all, add: ['没有这个专题'] })).rejects.toMatchObject({ code: 'bad-arguments' });

      // Bulk delete, then undo.
      const removed = await core.api.removeDocuments({ ids: [id('医师致敬'), id('大分诊')] });
      expect(removed.removed).toBe(2);
      expect(await core.api.listDocuments({})).toHaveLength(2);
      expect((await core.api.restoreDocuments({ ids: [id('医师致敬'), id('大分诊')] })).restored).toBe(2);
      expect(await core.api.listDocuments({})).toHaveLength(4);

      // A passage's own words: a highlight about prepaid cards is about consumers.
      const passage = await core.api.suggestTopics({ text: '预付卡一定程度上承载着消费者对于商家的信任，如果辜负了这份信任，商家就应承担相应的不利后果' });
      expect(passage[0]!.path).toMatch(/市场监管与消费者权益|扩大内需与消费/);
    } finally {
      await core.close();
    }
  }, 120_000);

  it('imports without 推荐 tags when automatic topics are off, and keeps that choice', async () => {
    const root = await tempDir('topics-off-');
    const library = join(root, 'library');
    let core = await createCore({ libraryDir: library, workers: 0 });
    expect(await core.api.getPreferences({})).toEqual({ autoTopics: true, autoOcr: true, review: { retention: 0.9, newPerDay: 20, reviewsPerDay: 200 } });
    expect(await core.api.setPreferences({ autoTopics: false })).toMatchObject({ autoTopics: false, review: { retention: 0.9 } });
    await core.close();
    core = await createCore({ libraryDir: library, workers: 0 });
    try {
      expect((await core.api.getPreferences({})).autoTopics).toBe(false);
      await core.api.addPaths({ paths: [join(RMRB, FILES[0]!)] });
      const [d] = await core.api.listDocuments({});
      expect(d!.recommendedTopics).toBeUndefined();
      // The reader still offers its suggestions.
      expect((await core.api.getDocument({ id: d!.id })).suggestedTopics![0]!.path).toBe('民生保障/医疗卫生');
    } finally {
      await core.close();
    }
  }, 60_000);

  it('backs up and restores the topic side too: own topics, 推荐 and dropped tags, what was learnt, preferences', async () => {
    const root = await tempDir('topics-backup-');
    await mkdir(join(root, 'files'));
    for (const f of FILES) await copyFile(join(RMRB, f), join(root, 'files', f));
    const core = await createCore({ libraryDir: join(root, 'a'), workers: 0 });
    const other = await createCore({ libraryDir: join(root, 'b'), workers: 0 });
    try {
      const report = await core.api.addPaths({ paths: [join(root, 'files')] });
      const id = (part: string): string => report.added.find((a) => a.path.includes(part))!.id;
      await core.api.addTopic({ parent: '民生保障', name: '分级诊疗', phrases: ['分诊', '分级诊疗'] });
      await core.api.reviewSuggestion({ id: id('医师致敬'), topic: '民生保障/医疗卫生', accept: true });
      const dropped = (await core.api.getDocument({ id: id('预付消费') })).recommendedTopics![0]!;
      await core.api.reviewSuggestion({ id: id('预付消费'), topic: dropped, accept: false });
      await core.api.setPreferences({ autoTopics: false, review: { retention: 0.85 } });
      const before = await core.api.listDocuments({});
      const backup = (await core.api.backup({})).content;

      // Another library of the same files, imported without 推荐 tags, its own choice of autoTopics kept.
      await other.api.setPreferences({ autoTopics: false });
      await other.api.addPaths({ paths: [join(root, 'files')] });
      for (const d of await other.api.listDocuments({})) expect(d.recommendedTopics).toBeUndefined();
      expect(await other.api.restore({ content: backup })).toMatchObject({ documents: 4, unmatched: 0, topics: 1 });
      const after = await other.api.listDocuments({});
      const bySource = (list: typeof before) => Object.fromEntries(list.map((d) => [d.title, { topics: d.topics, recommended: d.recommendedTopics ?? [] }]));
      expect(bySource(after)).toEqual(bySource(before));
      const restoredDropped = await other.api.getDocument({ id: after.find((d) => d.title === before.find((b) => b.id === id('预付消费'))!.title)!.id });
      expect(restoredDropped.recommendedTopics ?? []).not.toContain(dropped);
      expect((restoredDropped.suggestedTopics ?? []).map((s) => s.path)).not.toContain(dropped);
      const own = (await other.api.listTopics({})).find((t) => t.path === '民生保障/分级诊疗');
      expect(own?.phrases).toEqual(['分诊', '分级诊疗']);
      expect(await other.api.getPreferences({})).toMatchObject({ autoTopics: false, review: { retention: 0.85 } });
      // What was learnt from ✓ and ✕ weighs the same in both libraries.
      const text = '分级诊疗让基层医疗机构接住常见病，医院与医生各归其位，患者看病更方便。';
      expect(await other.api.suggestTopics({ text })).toEqual(await core.api.suggestTopics({ text }));
      // Twice changes nothing.
      const again = await other.api.restore({ content: backup });
      expect(again.topics ?? 0).toBe(0);
      expect(bySource(await other.api.listDocuments({}))).toEqual(bySource(before));
      expect(await other.api.suggestTopics({ text })).toEqual(await core.api.suggestTopics({ text }));
    } finally {
      await core.close();
      await other.close();
    }
  }, 120_000);

  it('brings a library made with an older taxonomy up to date: new themes appear, renamed ones keep their tags', async () => {
    const root = await tempDir('topics-upgrade-');
    const library = join(root, 'library');
    // A taxonomy at version 1 with 基层治理/减负松绑, then version 2 renaming it (alias) and adding a theme.
    const v1 = { version: 1, roots: [{ name: '基层治理', description: 'd', phrases: ['基层治理'], children: [{ name: '减负松绑', description: 'd', phrases: ['减负'] }, { name: '网格治理', description: 'd', phrases: ['网格'] }] }] };
    const v2 = { version: 2, roots: [{ name: '基层治理', description: 'd', phrases: ['基层治理'], children: [{ name: '基层减负', aliases: ['基层治理/减负松绑'], description: 'd', phrases: ['减负'] }, { name: '网格治理', description: 'd', phrases: ['网格'] }, { name: '枫桥经验', since: 2, description: 'd', phrases: ['枫桥'] }] }] };
    const resources = (v: number): string => join(root, `res${v}`);
    for (const [v, tax] of [[1, v1], [2, v2]] as const) {
      await mkdir(join(resources(v), 'topics'), { recursive: true });
      await writeFile(join(resources(v), 'topics', 'zh-CN.json'), JSON.stringify(tax));
    }
    await mkdir(join(root, 'files'));
    await writeFile(join(root, 'files', 'a.txt'), '基层减负笔记\n为基层减负。');
    let core = await createCore({ libraryDir: library, resourcesDir: resources(1), workers: 0 });
    const [added] = (await core.api.addPaths({ paths: [join(root, 'files', 'a.txt')] })).added;
    await core.api.setDocumentTopics({ id: added!.id, topics: ['基层治理/减负松绑'] });
    await core.api.deleteTopic({ path: '基层治理/网格治理' });
    await core.close();

    core = await createCore({ libraryDir: library, resourcesDir: resources(2), workers: 0 });
    try {
      const paths = (await core.api.listTopics({})).map((t) => t.path);
      expect(paths).toEqual(['基层治理', '基层治理/基层减负', '基层治理/枫桥经验']);
      expect((await core.api.getDocument({ id: added!.id })).topics).toEqual(['基层治理/基层减负']);
    } finally {
      await core.close();
    }
    const saved = JSON.parse(await readFile(join(library, 'yandu.json'), 'utf8')) as { taxonomyVersion: number };
    expect(saved.taxonomyVersion).toBe(2);
  }, 60_000);
});
