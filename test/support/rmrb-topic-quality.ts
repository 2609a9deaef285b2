/**
 * Topic suggestions measured on the 276 人民日报 commentaries labelled by hand
 * (test/data/rmrb-topic-labels.json), on the part held out from tuning (`split: 'test'`) unless
 * told otherwise. All 276 are imported into one library (as a candidate's library holds them),
 * then each held-out document's suggestions are compared with its labels:
 * - `exactTop1`: the first suggestion is a labelled theme;
 * - `relatedTop1`: it is a labelled theme, or its parent or child;
 * - `foundTop3`: share of labels found among the first three (parent or child counting);
 * - `shownPrecision`: right suggestions among those the reader shows (the first three).
 * Labels on themes the taxonomy does not have yet (`proposed`) cannot be suggested: they are
 * counted, and reported apart.
 *
 * @example
 * const q = await rmrbTopicQuality(dir); // → { exactTop1: 0.3, relatedTop1: 0.5, foundTop3: 0.6, shownPrecision: 0.3, documents: 92, … }
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../electron/core/index';
import { SHARED } from './shared';

interface Label {
  file: string;
  topics: string[];
  split: 'tune' | 'test';
}

export interface RmrbTopicQuality {
  exactTop1: number;
  relatedTop1: number;
  foundTop3: number;
  shownPrecision: number;
  documents: number;
  /** Labels on proposed themes, which no suggestion can match yet. */
  proposedLabels: number;
  labels: number;
  rows: { file: string; labels: string[]; top3: string[] }[];
}

const related = (a: string, b: string): boolean => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

export function rmrbLabels(): { items: Label[]; proposed: Record<string, string> } {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', 'rmrb-topic-labels.json'), 'utf8')) as { items: Label[]; proposed: Record<string, string> };
}

export async function rmrbTopicQuality(dir: string, split: 'tune' | 'test' = 'test'): Promise<RmrbTopicQuality> {
  const { items, proposed } = rmrbLabels();
  const core = await createCore({ libraryDir: join(dir, 'library') });
  try {
    const report = await core.api.addPaths({ paths: items.map((l) => join(SHARED, 'corpus', l.file)) });
    if (report.failed.length) throw new Error(`topic quality: ${report.failed.length} files failed: ${report.failed[0]!.error}`);
    const byPath = new Map(items.map((l) => [join(SHARED, 'corpus', l.file), l]));
    const rows: RmrbTopicQuality['rows'] = [];
    for (const { id, path } of report.added) {
      const label = byPath.get(path)!;
      if (label.split !== split) continue;
      const doc = await core.api.getDocument({ id });
      rows.push({ file: label.file, labels: label.topics, top3: (doc.suggestedTopics ?? []).slice(0, 3).map((s) => s.path) });
    }
    const n = rows.length;
    const mean = (f: (r: RmrbTopicQuality['rows'][number]) => number): number => rows.reduce((s, r) => s + f(r), 0) / Math.max(1, n);
    return {
      exactTop1: mean((r) => (r.top3[0] !== undefined && r.labels.includes(r.top3[0]) ? 1 : 0)),
      relatedTop1: mean((r) => (r.top3[0] !== undefined && r.labels.some((l) => related(l, r.top3[0]!)) ? 1 : 0)),
      foundTop3: mean((r) => r.labels.filter((l) => r.top3.some((s) => related(s, l))).length / r.labels.length),
      shownPrecision: mean((r) => (r.top3.length ? r.top3.filter((s) => r.labels.some((l) => related(s, l))).length / r.top3.length : 0)),
      documents: n,
      proposedLabels: rows.reduce((s, r) => s + r.labels.filter((l) => l in proposed).length, 0),
      labels: rows.reduce((s, r) => s + r.labels.length, 0),
      rows,
    };
  } finally {
    await core.close();
  }
}
