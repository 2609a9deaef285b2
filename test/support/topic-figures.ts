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
 * A third set is PDFs, in a library of their own (so a printed commentary is not filed as its
 * HTML's other form): the held-out commentaries printed to PDF by a browser (line breaks inside
 * words, compatibility characters), with their HTML's labels, and two article PDFs labelled by
 * hand (test/data/pdf-topic-labels.json).
 *
 * @example
 * const q = await topicFigures(dir); // → { rmrb: { exactTop1: 0.8, …, documents: 92 }, laws: { … }, pdf: { … }, printed: { documents: 10, sameFirst: 10, … } }
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createCore } from '../../electron/core/index';
import { packModel } from '../../electron/core/topics/scoring';
import { trainRanked } from '../../electron/core/topics/ranker';
import { trainingTopics } from '../../electron/core/topics/taxonomy';
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

/**
 * How far a figure could move with another sample of as many documents: the 2.5th and 97.5th
 * percentiles of `figure` over `rounds` resamples of the documents with replacement (the
 * bootstrap; a fixed seed, so the same rows give the same interval).
 *
 * @example
 * interval(q.rmrb, 'foundTop3'); // → [0.84, 0.94]
 */
export function interval(f: TopicFigures, figure: 'exactTop1' | 'relatedTop1' | 'foundTop3' | 'shownPrecision', rounds = 2000): [number, number] {
  let seed = 0x2545f491;
  const random = (): number => {
    // xorshift32: deterministic, and enough for resampling.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const n = f.rows.length;
  const values: number[] = [];
  for (let r = 0; r < rounds && n; r++) values.push(figuresOf(Array.from({ length: n }, () => f.rows[Math.floor(random() * n)]!))[figure]);
  values.sort((a, b) => a - b);
  return values.length ? [values[Math.floor(0.025 * (values.length - 1))]!, values[Math.ceil(0.975 * (values.length - 1))]!] : [0, 0];
}

/** The held-out PDFs and their labels: the held-out commentaries that were also printed, and the labelled article PDFs. */
export function pdfLabels(): { path: string; file: string; topics: string[] }[] {
  const printed = join(SHARED, 'corpus', 'html', 'rmrb-commentary', 'pdf');
  const pdfs = new Set(readdirSync(printed));
  const commentaries = rmrbLabels()
    .items.filter((l) => l.split === 'test')
    .map((l) => ({ name: `${basename(l.file, '.html')}.pdf`, topics: l.topics }))
    .filter((l) => pdfs.has(l.name))
    .map((l) => ({ path: join(printed, l.name), file: `html/rmrb-commentary/pdf/${l.name}`, topics: l.topics }));
  const labelled = (JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', 'pdf-topic-labels.json'), 'utf8')) as { items: { file: string; topics: string[] }[] }).items;
  return [...commentaries, ...labelled.map((l) => ({ path: join(SHARED, 'corpus', l.file), file: l.file, topics: l.topics }))];
}

/** Trains on the tune split, then measures the held-out documents of each set. */
export async function topicFigures(dir: string): Promise<{ rmrb: TopicFigures; laws: TopicFigures; pdf: TopicFigures; printed: { documents: number; sameFirst: number; sameTop3: number }; web: { documents: number; essayShare: number }; trainedOn: number }> {
  const read = await importLabelled(dir);
  await read.core.close();
  const tune = read.docs.filter((d) => d.split === 'tune');
  const resources = join(dir, 'resources');
  mkdirSync(join(resources, 'topics'), { recursive: true });
  const taxonomy = join(import.meta.dirname, '..', '..', 'resources', 'topics', 'zh-CN.json');
  copyFileSync(taxonomy, join(resources, 'topics', 'zh-CN.json'));
  const model = trainRanked(tune.map((d) => ({ title: d.title, text: d.text, topics: d.topics })), trainingTopics(taxonomy));
  writeFileSync(join(resources, 'topics', 'model.json'), JSON.stringify(packModel(model)));
  const core = await createCore({ libraryDir: join(dir, 'library'), resourcesDir: resources });
  try {
    const rowsOf = async (docs: Pick<ReadDoc, 'id' | 'file' | 'topics'>[], from = core): Promise<TopicFigures['rows']> => {
      const rows: TopicFigures['rows'] = [];
      for (const d of docs) {
        const got = await from.api.getDocument({ id: d.id });
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
    const pdfCore = await createCore({ libraryDir: join(dir, 'pdf-library'), resourcesDir: resources });
    let pdf: TopicFigures;
    try {
      const labels = pdfLabels();
      const report = await pdfCore.api.addPaths({ paths: labels.map((l) => l.path) });
      if (report.added.length !== labels.length) throw new Error(`labelled PDFs: ${report.added.length} of ${labels.length} added; ${report.failed[0]?.error ?? ''}`);
      const byPath = new Map(labels.map((l) => [l.path, l]));
      pdf = figuresOf(await rowsOf(report.added.map(({ id, path }) => ({ ...byPath.get(path)!, id })), pdfCore));
    } finally {
      await pdfCore.close();
    }
    const rmrb = figuresOf(await rowsOf(test.filter((d) => d.set === 'rmrb')));
    // A printed commentary should be suggested what its page is.
    const pages = new Map(rmrb.rows.map((r) => [basename(r.file, '.html'), r]));
    const printed = pdf.rows.flatMap((r) => {
      const page = pages.get(basename(r.file, '.pdf'));
      return page ? [{ sameFirst: page.top3[0] === r.top3[0], sameTop3: page.top3.join() === r.top3.join() }] : [];
    });
    return {
      rmrb,
      laws: figuresOf(await rowsOf(test.filter((d) => d.set === 'laws'))),
      pdf,
      printed: { documents: printed.length, sameFirst: printed.filter((p) => p.sameFirst).length, sameTop3: printed.filter((p) => p.sameTop3).length },
      web: { documents: web.added.length, essayShare: essays / Math.max(1, web.added.length) },
      trainedOn: tune.length,
    };
  } finally {
    await core.close();
  }
}
