/**
 * `npm run train:topics`: trains the exam-theme classifier (electron/core/topics/model.ts) and its
 * ranker (ranker.ts) on the hand-labelled documents (test/data/*-labels.json, read from
 * ../shared/corpus as Yandu reads them) and the taxonomy's 提法, descriptions and wording, and writes
 * `resources/topics/model.json`.
 * Deterministic: running it again on the same labels gives the same file.
 *
 * The shipped model learns from every labelled document; the figures in bench/RESULTS.md come
 * from a model trained the same way on the `tune` split only (`--split tune`), measured on the
 * held-out rest.
 *
 * @example
 * npm run train:topics                       # → resources/topics/model.json
 * npm run train:topics -- --split tune --out /tmp/model.json
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TopicModel } from '../electron/core/topics/model';
import { packModel } from '../electron/core/topics/scoring';
import { trainRanked } from '../electron/core/topics/ranker';
import { trainingTopics } from '../electron/core/topics/taxonomy';
import { importLabelled, type ReadDoc } from '../test/support/labelled-corpus';

/** Trains on the given documents and the built-in taxonomy. */
export function trainOn(docs: ReadDoc[], taxonomyFile?: string): TopicModel {
  return trainRanked(
    docs.map((d) => ({ title: d.title, text: d.text, topics: d.topics })),
    trainingTopics(taxonomyFile),
  );
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

if (process.argv[1]?.endsWith('train-topics.ts')) {
  const split = arg('--split');
  const out = arg('--out') ?? join(import.meta.dirname, '..', 'resources', 'topics', 'model.json');
  const dir = mkdtempSync(join(tmpdir(), 'train-topics-'));
  try {
    const { core, docs } = await importLabelled(dir);
    await core.close();
    const chosen = docs.filter((d) => !split || d.split === split);
    const model = trainOn(chosen);
    writeFileSync(out, `${JSON.stringify(packModel(model))}\n`);
    console.log(`trained on ${chosen.length} documents, ${Object.keys(model.centroids).length} themes, ${Object.keys(model.idf).length} bigrams → ${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
