/**
 * Topic suggestions measured honestly: the labelled documents (`labelled-corpus.ts`) are read
 * into one library, a classifier is trained on their `tune` split only (as `npm run
 * train:topics -- --split tune` would), and the held-out `test` documents' suggestions are
 * compared with their hand labels, per set (人民日报 commentaries; laws and the fixture):
 * - `exactTop1`: the first suggestion is a labelled theme;
 * - `relatedTop1`: it is a labelled theme, or its parent or child;
 * - `foundTop3`: share of labels found among the first three (parent or child counting);
 * - `shownPrecision`: right suggestions (parent or child counting) among all those the UI shows
 *   (`shown`), pooled over the documents; `shownPerDoc` says how many that is per document;
 * - `essayShare`: documents offered the 科目 申论·策论 — every commentary should be, no law; and
 *   `web`, the same share among the 30 miscellaneous web pages of the cwce corpus (blogs, news,
 *   health tips…), which mostly should not.
 *
 * @example
 * const q = await topicFigures(dir); // → { rmrb: { exactTop1: 0.8, …, documents: 92 }, laws: { … } }
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../electron/core/index';
import { packModel } from '../../electron/core/topics/scoring';
import { trainRanked } from '../../electron/core/topics/ranker';
import { builtinTopics } from '../../electron/core/topics/taxonomy';
import { importLabelled, type ReadDoc } from './labelled-corpus';
import { SHARED } from './shared';

export interface TopicFigures {
  exactTop1: number;
  relatedTop1: number;
  foundTop3: number;
  shownPrecision: number;
  shownPerDoc: number;
  documents: number;
  labels: number;
  essayShare: number;
  rows: { file: string; labels: string[]; top3: string[]; shown: string[]; subjects?: string[] }[];
}

const ESSAY = '科目/申论·策论';

const related = (a: string, b: string): boolean => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

export function rmrbLabels(): { items: { file: string; topics: string[]; split: 'tune' | 'test' }[]; proposed: Record<string, string> } {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', 'rmrb-topic-labels.json'), 'utf8')) as ReturnType<typeof rmrbLabels>;
}

export function figuresOf(rows: TopicFigures['rows']): TopicFigures {
  const n = rows.length;
  const mean = (f: (r: TopicFigures['rows'][number]) => number): number => rows.reduce((s, r) => s + f(r), 0) / Math.max(1, n);
  const shown = rows.reduce((s, r) => s + r.shown.length, 0);
  const right = rows.reduce((s, r) => s + r.shown.filter((x) => r.labels.some((l) => related(x, l))).length, 0);
  return {
    exactTop1: mean((r) => (r.top3[0] !== undefined && r.labels.includes(r.top3[0]) ? 1 : 0)),
    relatedTop1: mean((r) => (r.top3[0] !== undefined && r.labels.some((l) => related(l, r.top3[0]!)) ? 1 : 0)),
    foundTop3: mean((r) => r.labels.filter((l) => r.top3.some((s) => related(s, l))).length / r.labels.length),
    shownPrecision: right / Math.max(1, shown),
    shownPerDoc: shown / Math.max(1, n),
    documents: n,
    labels: rows.reduce((s, r) => s + r.labels.length, 0),
    essayShare: mean((r) => (r.subjects?.includes(ESSAY) ? 1 : 0)),
    rows,
  };
}

/** Trains on the tune split, then measures the held-out documents of each set. */
export async function topicFigures(dir: string): Promise<{ rmrb: TopicFigures; laws: TopicFigures; web: { documents: number; essayShare: number }; trainedOn: number }> {
  const read = await importLabelled(dir);
  await read.core.close();
  const tune = read.docs.filter((d) => d.split === 'tune');
  const resources = join(dir, 'resources');
  mkdirSync(join(resources, 'topics'), { recursive: true });
  const taxonomy = join(import.meta.dirname, '..', '..', 'resources', 'topics', 'zh-CN.json');
  copyFileSync(taxonomy, join(resources, 'topics', 'zh-CN.json'));
  const model = trainRanked(tune.map((d) => ({ title: d.title, text: d.text, topics: d.topics })), builtinTopics(taxonomy));
  writeFileSync(join(resources, 'topics', 'model.json'), JSON.stringify(packModel(model)));
  const core = await createCore({ libraryDir: join(dir, 'library'), resourcesDir: resources });
  try {
    const rowsOf = async (docs: ReadDoc[]): Promise<TopicFigures['rows']> => {
      const rows: TopicFigures['rows'] = [];
      for (const d of docs) {
        const got = await core.api.getDocument({ id: d.id });
        const s = got.suggestedTopics ?? [];
        const subjects = (got.suggestedSubjects ?? []).filter((x) => x.shown).map((x) => x.path);
        rows.push({ file: d.file, labels: d.topics, top3: s.slice(0, 3).map((x) => x.path), shown: s.filter((x) => x.shown).map((x) => x.path), subjects });
      }
      return rows;
    };
    const test = read.docs.filter((d) => d.split === 'test');
    const cwce = join(SHARED, 'corpus', 'html', 'cwce', 'original');
    const web = await core.api.addPaths({ paths: readdirSync(cwce).map((f) => join(cwce, f)) });
    let essays = 0;
    for (const { id } of web.added) if ((await core.api.getDocument({ id })).suggestedSubjects?.some((x) => x.shown && x.path === ESSAY)) essays++;
    return {
      rmrb: figuresOf(await rowsOf(test.filter((d) => d.set === 'rmrb'))),
      laws: figuresOf(await rowsOf(test.filter((d) => d.set === 'laws'))),
      web: { documents: web.added.length, essayShare: essays / Math.max(1, web.added.length) },
      trainedOn: tune.length,
    };
  } finally {
    await core.close();
  }
}
