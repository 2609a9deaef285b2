/**
 * The exam-theme classifier: a nearest-centroid model over the CJK character bigrams of a
 * document (its title counted {@link TITLE_WEIGHT} times), weighted TF-IDF and compared by cosine.
 * Each theme's centroid is the sum of its labelled documents (first label in full, later ones at
 * {@link SECOND_LABEL}) and of its own 提法 and description, so that a theme with few or no
 * labelled documents is still found by its wording. The labelled documents' own vectors are kept
 * too (pruned), scored as extra columns, for the ranker's neighbours (`ranker.ts`). Trained at build time (`npm run
 * train:topics`, see `build/train-topics.ts`) and shipped packed (`packModel`: bigrams as one
 * string, weights as integers — quick to parse in each import worker) as
 * `resources/topics/model.json`.
 *
 * @example
 * const model = compileModel(trainModel([{ title: '为基层减负', text: '…', topics: ['基层治理/基层减负'] }], taxonomy));
 * modelScores(model, { title: '减负松绑', text: '…' }); // → Map { '基层治理/基层减负' => 0.41, … }
 */
import { readFileSync } from 'node:fs';
import type { TopicRecord } from './taxonomy.js';

export interface TopicModel {
  version: 1;
  /** How many labelled documents it was trained on. */
  documents: number;
  /** Inverse document frequency of every bigram the model knows (seen in ≥ 2 documents). */
  idf: Record<string, number>;
  /** Per theme path: its L2-normalized centroid, pruned to its strongest bigrams. */
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
/** A theme's own 提法 and description count as this many labelled documents. */
export const WORDING_WEIGHT = 2;
/** Bigrams kept per centroid (the rest weigh little and would only grow the file). */
export const CENTROID_SIZE = 600;
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

/** A CJK character as a small number (0 … 28159), or -1: the ideographs and compatibility ideographs. */
const denseOf = (c: number): number => (c >= 0x3400 && c <= 0x9fff ? c - 0x3400 : c >= 0xf900 && c <= 0xfaff ? 27_648 + c - 0xf900 : -1);
const DENSE = 28_160;
/** A bigram's number: below 2^30, so a small integer to V8 (no boxed keys in the maps). */
export const codeOf = (g: string): number => denseOf(g.charCodeAt(0)) * DENSE + denseOf(g.charCodeAt(1));

/** {@link bigrams} with each bigram as a number ({@link codeOf}): no strings made, for scoring. */
export function bigramCodes(title: string, text: string): Map<number, number> {
  const out = new Map<number, number>();
  eachBigram(title, text, (code, count) => out.set(code, count));
  return out;
}

/**
 * Visits each distinct bigram code with its weighted count, in code order: the codes are packed
 * with their weight (code × 4 + 1 or 3, under 2^32) into one typed array and sorted, so no map is
 * built.
 */
function eachBigram(title: string, text: string, visit: (code: number, count: number) => void): void {
  const body = text.length > MODEL_TEXT ? text.slice(0, MODEL_TEXT) : text;
  const packed = new Uint32Array(body.length + title.length);
  let n = 0;
  const add = (s: string, w: number): void => {
    let prev = -1;
    for (let i = 0; i < s.length; i++) {
      const c = denseOf(s.charCodeAt(i));
      if (c >= 0 && prev >= 0) packed[n++] = (prev * DENSE + c) * 4 + w;
      prev = c;
    }
  };
  add(body, 1);
  add(title, TITLE_WEIGHT);
  const sorted = packed.subarray(0, n).sort();
  for (let i = 0; i < n; ) {
    const code = sorted[i]! >>> 2;
    let count = 0;
    for (; i < n && sorted[i]! >>> 2 === code; i++) count += sorted[i]! & 3;
    visit(code, count);
  }
}

/**
 * A model laid out for scoring, in flat arrays that stay in the processor's cache beside a parser:
 * the known bigrams sorted by code, found by their first character (`first[c]` to `first[c + 1]`)
 * then a binary search on the second (`second`); term i's IDF, and the themes whose centroid has
 * it with their weights (`start[i]` to `start[i + 1]`).
 */
export interface ScoringModel {
  themes: string[];
  /** The labels of the labelled documents, whose cosines follow the themes' in {@link scoreVector}. */
  examples: string[][];
  /** Each labelled document's pruned vector's squared length: its cosine with its own text. */
  exampleNorms: Float64Array;
  rank?: RankerData;
  first: Int32Array;
  second: Uint16Array;
  idf: Float64Array;
  start: Int32Array;
  theme: Int32Array;
  weight: Float64Array;
}

/** The file format: bigrams concatenated, IDF ×1000 and weights ×10000 as integers. */
export interface PackedModel {
  version: 2;
  documents: number;
  /** Every known bigram, two characters each, in one string. */
  terms: string;
  /** IDF of each term ×1000. */
  idf: number[];
  themes: string[];
  /** Per theme: term index and weight ×10000, alternating. */
  centroids: number[][];
  /** Per labelled document: its labels, and term index and weight ×10000 alternating. */
  examples?: { topics: string[]; pairs: number[] }[];
  rank?: RankerData;
}

/**
 * Builds the flat layout from term codes, their IDF, and per column (term index, weight) pairs:
 * the themes, then the labelled documents.
 */
function build(themes: string[], examples: string[][], unsorted: number[], unsortedIdf: ArrayLike<number>, unsortedPairs: (column: number, visit: (term: number, weight: number) => void) => void, ranker?: RankerData): ScoringModel {
  const columns = themes.length + examples.length;
  // A packed file's terms come in code order already: nothing to sort then.
  const inOrder = unsorted.every((c, i) => i === 0 || unsorted[i - 1]! < c);
  const order = inOrder ? unsorted.map((_, i) => i) : unsorted.map((_, i) => i).sort((a, b) => unsorted[a]! - unsorted[b]!);
  const rank = new Int32Array(unsorted.length);
  order.forEach((i, r) => (rank[i] = r));
  const codes = order.map((i) => unsorted[i]!);
  const idf = order.map((i) => unsortedIdf[i]!);
  const pairs = (t: number, visit: (term: number, weight: number) => void): void => unsortedPairs(t, (term, w) => visit(rank[term]!, w));
  const n = codes.length;
  const first = new Int32Array(DENSE + 1);
  for (const c of codes) first[Math.floor(c / DENSE) + 1]!++;
  for (let i = 0; i < DENSE; i++) first[i + 1]! += first[i]!;
  const second = Uint16Array.from(codes, (c) => c % DENSE);
  const count = new Int32Array(n + 1);
  for (let t = 0; t < columns; t++) pairs(t, (term) => count[term + 1]!++);
  for (let i = 0; i < n; i++) count[i + 1]! += count[i]!;
  const start = Int32Array.from(count);
  const fill = Int32Array.from(count);
  const theme = new Int32Array(start[n]!);
  const weight = new Float64Array(start[n]!);
  for (let t = 0; t < columns; t++)
    pairs(t, (term, w) => {
      const at = fill[term]!++;
      theme[at] = t;
      weight[at] = w;
    });
  const exampleNorms = new Float64Array(examples.length);
  examples.forEach((_, e) => unsortedPairs(themes.length + e, (_term, w) => (exampleNorms[e]! += w * w)));
  return { themes, examples, exampleNorms, ...(ranker ? { rank: ranker } : {}), first, second, idf: Float64Array.from(idf), start, theme, weight };
}

/** Lays a trained model out for scoring. */
export function compileModel(model: TopicModel): ScoringModel {
  const terms = Object.keys(model.idf);
  const at = new Map(terms.map((g, i) => [g, i]));
  const themes = Object.keys(model.centroids);
  const examples = model.examples ?? [];
  const vectors = [...themes.map((t) => model.centroids[t]!), ...examples.map((e) => e.vector)];
  return build(
    themes,
    examples.map((e) => e.topics),
    terms.map(codeOf),
    terms.map((g) => model.idf[g]!),
    (t, visit) => {
      for (const [g, w] of Object.entries(vectors[t]!)) if (at.has(g)) visit(at.get(g)!, w);
    },
    model.rank,
  );
}

/** The file form of a trained model (deterministic; terms in code order, so loading sorts nothing). */
export function packModel(model: TopicModel): PackedModel {
  const terms = Object.keys(model.idf).sort((a, b) => codeOf(a) - codeOf(b));
  const index = new Map(terms.map((g, i) => [g, i]));
  const themes = Object.keys(model.centroids);
  const pairsOf = (v: Record<string, number>): number[] => Object.entries(v).flatMap(([g, w]) => (index.has(g) ? [index.get(g)!, Math.round(w * 10_000)] : []));
  return {
    version: 2,
    documents: model.documents,
    terms: terms.join(''),
    idf: terms.map((g) => Math.round(model.idf[g]! * 1000)),
    themes,
    centroids: themes.map((t) => pairsOf(model.centroids[t]!)),
    ...(model.examples ? { examples: model.examples.map((e) => ({ topics: e.topics, pairs: pairsOf(e.vector) })) } : {}),
    ...(model.rank ? { rank: model.rank } : {}),
  };
}

/** Reads the file form straight into the scoring layout. */
export function unpackModel(packed: PackedModel): ScoringModel {
  const { terms } = packed;
  const codes = Array.from({ length: packed.idf.length }, (_, i) => denseOf(terms.charCodeAt(2 * i)) * DENSE + denseOf(terms.charCodeAt(2 * i + 1)));
  const examples = packed.examples ?? [];
  const columns = [...packed.centroids, ...examples.map((e) => e.pairs)];
  return build(
    packed.themes,
    examples.map((e) => e.topics),
    codes,
    packed.idf.map((x) => x / 1000),
    (t, visit) => {
      const pairs = columns[t]!;
      for (let k = 0; k + 1 < pairs.length; k += 2) visit(pairs[k]!, pairs[k + 1]! / 10_000);
    },
    packed.rank,
  );
}

/** The model's themes, in the order of {@link scoreVector}. */
export const modelThemes = (model: ScoringModel): readonly string[] => model.themes;

/** Cosine of a document with each theme's centroid. */
export function modelScores(model: ScoringModel, doc: { title: string; text: string }): Map<string, number> {
  const sums = scoreVector(model, doc);
  return new Map(modelThemes(model).map((path, i) => [path, sums[i]!]));
}

/**
 * The cosines as a compact vector (what the import worker sends back): with each theme in
 * {@link modelThemes} order, then with each labelled document; computed through postings, so no
 * theme walks the document.
 */
export function scoreVector(model: ScoringModel, doc: { title: string; text: string }): Float32Array {
  const { themes, examples, idf, start, theme, weight } = model;
  const sums = new Float64Array(themes.length + examples.length);
  // Each known bigram's weighted count, found by lookup as the text is walked (no sort, no map):
  // counts in a per-model array, the terms touched listed to read and clear it.
  const { counts, keys, terms, mask } = scratchOf(model);
  const body = doc.text.length > MODEL_TEXT ? doc.text.slice(0, MODEL_TEXT) : doc.text;
  const touched = new Int32Array(body.length + doc.title.length);
  let n = 0;
  const add = (s: string, w: number): void => {
    let prev = -1;
    for (let i = 0; i < s.length; i++) {
      const c = denseOf(s.charCodeAt(i));
      if (c >= 0 && prev >= 0) {
        const code = prev * DENSE + c;
        let slot = Math.imul(code, 0x9e3779b1) >>> 0 & mask;
        while (keys[slot] !== code && keys[slot] !== -1) slot = (slot + 1) & mask;
        const term = terms[slot]!;
        if (term >= 0) {
          if (counts[term] === 0) touched[n++] = term;
          counts[term]! += w;
        }
      }
      prev = c;
    }
  };
  add(body, 1);
  add(doc.title, TITLE_WEIGHT);
  let norm = 0;
  for (let j = 0; j < n; j++) {
    const i = touched[j]!;
    const x = (1 + Math.log(counts[i]!)) * idf[i]!;
    counts[i] = 0;
    norm += x * x;
    for (let k = start[i]!; k < start[i + 1]!; k++) sums[theme[k]!]! += x * weight[k]!;
  }
  norm = Math.sqrt(norm) || 1;
  return Float32Array.from(sums, (x) => x / norm);
}

interface Scratch {
  /** Per term, its weighted count in the text being scored; all zeros between uses (one thread uses it at a time). */
  counts: Float64Array;
  /** An open-addressing table of bigram code → term index (-1: empty slot; the term -1: not known). */
  keys: Int32Array;
  terms: Int32Array;
  mask: number;
}

const scratch = new WeakMap<ScoringModel, Scratch>();

/** A model's lookup table and count array, made on first use. */
function scratchOf(model: ScoringModel): Scratch {
  let hit = scratch.get(model);
  if (!hit) {
    const n = model.idf.length;
    let size = 1;
    while (size < n * 3) size *= 2;
    const keys = new Int32Array(size).fill(-1);
    const terms = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let c = 0; c < DENSE; c++)
      for (let i = model.first[c]!; i < model.first[c + 1]!; i++) {
        const code = c * DENSE + model.second[i]!;
        let slot = (Math.imul(code, 0x9e3779b1) >>> 0) & mask;
        while (keys[slot] !== -1) slot = (slot + 1) & mask;
        keys[slot] = code;
        terms[slot] = i;
      }
    hit = { counts: new Float64Array(n), keys, terms, mask };
    scratch.set(model, hit);
  }
  return hit;
}

const loaded = new Map<string, ScoringModel | null>();

/** Reads a model file once (per thread); a missing or broken file gives none: 提法 alone then. */
export function loadModel(file: string): ScoringModel | undefined {
  if (!loaded.has(file)) {
    let model: ScoringModel | null = null;
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as PackedModel;
      if (raw.version === 2 && typeof raw.terms === 'string' && raw.terms.length === 2 * raw.idf.length && raw.centroids.length === raw.themes.length) model = unpackModel(raw);
    } catch {
      model = null;
    }
    loaded.set(file, model);
  }
  return loaded.get(file) ?? undefined;
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * Trains the model on labelled texts and the taxonomy's themes (科目 left out: they are the
 * exam's subjects, suggested apart). Deterministic: the same input gives the same file.
 */
export function trainModel(examples: LabelledText[], topics: TopicRecord[], options: { secondLabel?: number; wordingWeight?: number; centroidSize?: number; exampleSize?: number } = {}): TopicModel {
  const { secondLabel = SECOND_LABEL, wordingWeight = WORDING_WEIGHT, centroidSize = CENTROID_SIZE, exampleSize = EXAMPLE_SIZE } = options;
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
    if (t.path === '科目' || t.path.startsWith('科目/')) continue;
    const words = [...t.phrases, t.description ?? ''].join('，');
    addTo(t.path, vectorize(idf, bigrams('', words)), wordingWeight);
  }
  const centroids: TopicModel['centroids'] = {};
  for (const path of [...sums.keys()].sort()) {
    const top = [...normalized(sums.get(path)!)].filter(([, x]) => x > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, centroidSize);
    const pruned = normalized(new Map(top));
    centroids[path] = Object.fromEntries([...pruned].map(([g, x]) => [g, round(x)]));
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
