/**
 * The exam-theme classifier: a nearest-centroid model over the CJK character bigrams of a
 * document (its title counted {@link TITLE_WEIGHT} times), weighted TF-IDF and compared by cosine.
 * Each theme's centroid is the sum of its labelled documents (first label in full, later ones at
 * {@link SECOND_LABEL}) and of its own 提法, description and the genre's wording for it (the
 * taxonomy's `wording`), so that a theme with few or no labelled documents is still found by its words;
 * what the texts not about the theme share is then taken off ({@link CONTRAST}). The labelled documents' own vectors are kept
 * too (pruned), for the ranker's neighbours (`ranker.ts`). Trained at build time (`npm run
 * train:topics`, see `build/train-topics.ts`) and shipped packed as `resources/topics/model.json`;
 * `scoring.ts` reads it and scores texts with it.
 *
 * @example
 * const model = compileModel(trainModel([{ title: '为基层减负', text: '…', topics: ['基层治理/基层减负'] }], taxonomy));
 * modelScores(model, { title: '减负松绑', text: '…' }); // → Map { '基层治理/基层减负' => 0.41, … }
 */
import type { TrainingTopic } from './taxonomy.js';
import { isSubject } from '../../shared/topic-path.js';

export interface TopicModel {
  version: 1;
  /** How many labelled documents it was trained on. */
  documents: number;
  /** Inverse document frequency of every bigram the model knows (seen in ≥ 2 documents). */
  idf: Record<string, number>;
  /** Per theme path: its centroid, pruned to its strongest bigrams, of length 1 (or {@link CONTRASTED_LENGTH} when contrasted). */
  centroids: Record<string, Record<string, number>>;
  /** The labelled documents, for the neighbours' vote: labels and vector pruned to {@link EXAMPLE_SIZE} bigrams. */
  examples?: { topics: string[]; vector: Record<string, number> }[];
  /** What the ranker learnt (`ranker.ts`). */
  rank?: RankerData;
}

/**
 * The ranker's part of a model (`ranker.ts`): its weights over the features it names, each
 * theme's cosine mean and spread over the documents not labelled with it, how many labelled
 * documents each theme has, and the labelled documents' phrase counts.
 */
export interface RankerData {
  features: string[];
  /** One weight per feature, then the bias. */
  weights: number[];
  negatives: Record<string, [number, number]>;
  labelled: Record<string, number>;
  phrases: { docs: number; df: Record<string, number> };
}

export interface LabelledText {
  title: string;
  text: string;
  topics: string[];
}

/** The title says what an article is about: its bigrams count this many times. */
export const TITLE_WEIGHT = 3;
/** A second or third label adds its document at this weight. */
export const SECOND_LABEL = 1;
/** A theme's own 提法, description and wording count as this many labelled documents. */
export const WORDING_WEIGHT = 2;
/** Bigrams kept per centroid (the rest weigh little and would only grow the file). */
export const CENTROID_SIZE = 600;
/**
 * What every commentary has is no evidence of a theme: a theme's centroid (normalized) has this
 * many times the mean vector of the labelled texts not about it taken off before it is pruned to
 * its positive part (Rocchio's negative term). It keeps the bigrams its documents and wording have
 * more of than other texts, so a theme whose documents are generic does not come near every text.
 */
export const CONTRAST = 4;
/**
 * Contrasted centroids sit further from every text: they are lengthened by this much, so that
 * scores keep the scale their thresholds were set on (`SHOW_MIN`, `THEME_EVIDENCE`). Measured on
 * the tune split's folds: a held-out text's best cosine ran 1.3–1.6 times lower with contrast
 * (1.38 at the median).
 */
export const CONTRASTED_LENGTH = 1.4;
/** Characters read from a text (a long PDF's first part says what it is about). */
export const MODEL_TEXT = 30_000;
/** Bigrams kept of each labelled document's vector for the neighbours' vote. */
export const EXAMPLE_SIZE = 200;

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;

/** Counts of the CJK bigrams of a title and text (title bigrams weighted). */
export function bigrams(title: string, text: string): Map<string, number> {
  const out = new Map<string, number>();
  const add = (s: string, w: number): void => {
    for (const [run] of s.matchAll(CJK_RUN)) for (let i = 0; i + 1 < run.length; i++) out.set(run.slice(i, i + 2), (out.get(run.slice(i, i + 2)) ?? 0) + w);
  };
  add(text.slice(0, MODEL_TEXT), 1);
  add(title, TITLE_WEIGHT);
  return out;
}

/** TF-IDF vector (sublinear counts), L2-normalized, over the bigrams the model knows. */
export function vectorize(idf: Record<string, number>, counts: Map<string, number>): Map<string, number> {
  const v = new Map<string, number>();
  let norm = 0;
  for (const [g, c] of counts) {
    const w = idf[g];
    if (w === undefined) continue;
    const x = (1 + Math.log(c)) * w;
    v.set(g, x);
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [g, x] of v) v.set(g, x / norm);
  return v;
}

const normalized = (v: Map<string, number>): Map<string, number> => {
  const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1;
  return new Map([...v].map(([g, x]) => [g, x / norm]));
};

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * Trains the model on labelled texts and the taxonomy's themes (科目 left out: they are the
 * exam's subjects, suggested apart). Deterministic: the same input gives the same file.
 */
export function trainModel(examples: LabelledText[], topics: TrainingTopic[], options: { secondLabel?: number; wordingWeight?: number; centroidSize?: number; exampleSize?: number; contrast?: number; length?: number } = {}): TopicModel {
  const { secondLabel = SECOND_LABEL, wordingWeight = WORDING_WEIGHT, centroidSize = CENTROID_SIZE, exampleSize = EXAMPLE_SIZE, contrast = CONTRAST, length = CONTRASTED_LENGTH } = options;
  const counts = examples.map((e) => bigrams(e.title, e.text));
  const df = new Map<string, number>();
  for (const c of counts) for (const g of c.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  const n = examples.length;
  const idf: Record<string, number> = {};
  for (const [g, d] of [...df].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (d >= 2) idf[g] = round(Math.log((n + 1) / (d + 1)) + 1);
  const sums = new Map<string, Map<string, number>>();
  const addTo = (path: string, v: Map<string, number>, w: number): void => {
    const sum = sums.get(path) ?? new Map<string, number>();
    for (const [g, x] of v) sum.set(g, (sum.get(g) ?? 0) + w * x);
    sums.set(path, sum);
  };
  const vectors = examples.map((_, i) => vectorize(idf, counts[i]!));
  examples.forEach((e, i) => e.topics.forEach((t, k) => addTo(t, vectors[i]!, k === 0 ? 1 : secondLabel)));
  for (const t of topics) {
    if (isSubject(t.path)) continue;
    const words = [...t.phrases, t.description ?? '', t.wording ?? ''].join('，');
    addTo(t.path, vectorize(idf, bigrams('', words)), wordingWeight);
  }
  // What the texts not about a theme share (their mean vector) is taken off its centroid, `contrast` times over.
  const total = new Map<string, number>();
  for (const v of vectors) for (const [g, x] of v) total.set(g, (total.get(g) ?? 0) + x);
  const scale = contrast > 0 ? length : 1;
  const centroids: TopicModel['centroids'] = {};
  for (const path of [...sums.keys()].sort()) {
    const own = new Map<string, number>();
    let others = n;
    examples.forEach((e, i) => {
      if (!e.topics.includes(path)) return;
      others--;
      for (const [g, x] of vectors[i]!) own.set(g, (own.get(g) ?? 0) + x);
    });
    const contrasted = [...normalized(sums.get(path)!)].map(([g, x]): [string, number] => [g, x - (contrast * ((total.get(g) ?? 0) - (own.get(g) ?? 0))) / Math.max(1, others)]);
    centroids[path] = Object.fromEntries([...pruned(new Map(contrasted), centroidSize)].map(([g, x]) => [g, round(x * scale)]));
  }
  const strongest = (v: Map<string, number>): Record<string, number> =>
    Object.fromEntries(
      [...v]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, exampleSize)
        .map(([g, x]) => [g, round(x)]),
    );
  return { version: 1, documents: n, idf, centroids, ...(exampleSize > 0 ? { examples: examples.map((e, i) => ({ topics: e.topics, vector: strongest(vectors[i]!) })) } : {}) };
}

/** The strongest `size` positive weights of a vector, normalized. */
function pruned(v: Map<string, number>, size: number): Map<string, number> {
  return normalized(new Map([...v].filter(([, x]) => x > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, size)));
}
