/**
 * The theme classifier (`model.ts`) laid out for scoring, and its file. A text is scored by
 * walking its CJK bigrams once: each is found in an open-addressing table of the model's terms,
 * its weighted count kept in the term's record, then each term touched adds its TF-IDF weight to
 * the columns whose vector has it (postings) — the themes' centroids, then the labelled
 * documents'. The file (`packModel`) holds the bigrams as one string in code order and the weights
 * as integers, quick to read in each import worker.
 *
 * @example
 * const model = loadModel('resources/topics/model.json')!;
 * scoreVector(model, { title: '减负松绑', text: '…' }); // → Float32Array [0.41, 0.03, …] (themes, then labelled documents)
 * modelScores(model, { title: '减负松绑', text: '…' }); // → Map { '基层治理/基层减负' => 0.41, … }
 */
import { readFileSync } from 'node:fs';
import { MODEL_TEXT, TITLE_WEIGHT, type RankerData, type TopicModel } from './model.js';

/** A CJK character as a small number (0 … 28159), or -1: the ideographs and compatibility ideographs. */
const denseOf = (c: number): number => (c >= 0x3400 && c <= 0x9fff ? c - 0x3400 : c >= 0xf900 && c <= 0xfaff ? 27_648 + c - 0xf900 : -1);
const DENSE = 28_160;
/** A bigram's number: below 2^30, so a small integer to V8. */
export const codeOf = (g: string): number => denseOf(g.charCodeAt(0)) * DENSE + denseOf(g.charCodeAt(1));

/**
 * A model laid out for scoring, in flat arrays that a text touches few cache lines of (import
 * scores a text between parsing others, its caches cold): a lookup table of bigram code → term
 * (`table`: code and term side by side per slot, `mask` + 1 slots); per term one record of four
 * numbers (`terms`, read as floats and, through `termInts`, as integers): its weighted count in
 * the text being scored (zero between uses), its IDF, and where its postings start and end; the
 * postings (`postings`): column and weight side by side, for the columns whose vector has the term.
 */
export interface ScoringModel {
  themes: string[];
  /** The labels of the labelled documents, whose cosines follow the themes' in {@link scoreVector}. */
  examples: string[][];
  /** Each labelled document's pruned vector's squared length: its cosine with its own text. */
  exampleNorms: Float64Array;
  rank?: RankerData;
  table: Int32Array;
  mask: number;
  terms: Float32Array;
  termInts: Int32Array;
  postings: Float32Array;
}

/** A term record's fields: count and IDF (floats), first and end posting (integers). */
const COUNT = 0;
const IDF = 1;
const START = 2;
const END = 3;

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

/** The slot of a bigram code in a lookup table: where it is, or the empty slot where it would go. */
function slotOf(table: Int32Array, mask: number, code: number): number {
  let slot = (Math.imul(code, 0x9e3779b1) >>> 0) & mask;
  while (table[2 * slot] !== code && table[2 * slot] !== -1) slot = (slot + 1) & mask;
  return slot;
}

/**
 * Builds the flat layout from term codes, their IDF, and per column (term index, weight) pairs:
 * the themes, then the labelled documents.
 */
function build(themes: string[], examples: string[][], codes: number[], idf: ArrayLike<number>, pairs: (column: number, visit: (term: number, weight: number) => void) => void, rank?: RankerData): ScoringModel {
  const columns = themes.length + examples.length;
  const n = codes.length;
  let size = 1;
  while (size < n * 1.5) size *= 2;
  const table = new Int32Array(2 * size).fill(-1);
  const mask = size - 1;
  codes.forEach((code, term) => {
    const slot = slotOf(table, mask, code);
    table[2 * slot] = code;
    table[2 * slot + 1] = term;
  });
  const count = new Int32Array(n + 1);
  for (let t = 0; t < columns; t++) pairs(t, (term) => count[term + 1]!++);
  for (let i = 0; i < n; i++) count[i + 1]! += count[i]!;
  const terms = new Float32Array(4 * n);
  const termInts = new Int32Array(terms.buffer);
  for (let i = 0; i < n; i++) {
    terms[4 * i + IDF] = idf[i]!;
    termInts[4 * i + START] = count[i]!;
    termInts[4 * i + END] = count[i]!;
  }
  const postings = new Float32Array(2 * count[n]!);
  for (let t = 0; t < columns; t++)
    pairs(t, (term, w) => {
      const at = termInts[4 * term + END]!++;
      postings[2 * at] = t;
      postings[2 * at + 1] = w;
    });
  const exampleNorms = new Float64Array(examples.length);
  examples.forEach((_, e) => pairs(themes.length + e, (_term, w) => (exampleNorms[e]! += w * w)));
  return { themes, examples, exampleNorms, ...(rank ? { rank } : {}), table, mask, terms, termInts, postings };
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

/** The file form of a trained model (deterministic; terms in code order). */
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

/** How many numbers {@link scoreVector} answers: one per theme, then one per labelled document. */
export const vectorSize = (model: ScoringModel): number => model.themes.length + model.examples.length;

/** The model's themes, in the order of {@link scoreVector}. */
export const modelThemes = (model: ScoringModel): readonly string[] => model.themes;

const indexes = new WeakMap<ScoringModel, ReadonlyMap<string, number>>();

/** Each of the model's themes by its place in {@link scoreVector}. */
export function themeIndex(model: ScoringModel): ReadonlyMap<string, number> {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = new Map(model.themes.map((t, i) => [t, i]))));
  return index;
}

/** Cosine of a document with each theme's centroid. */
export function modelScores(model: ScoringModel, doc: { title: string; text: string }): Map<string, number> {
  const sums = scoreVector(model, doc);
  return new Map(modelThemes(model).map((path, i) => [path, sums[i]!]));
}

/** Per model, what scoring a text writes beside the term counts (one thread uses it at a time): the terms touched and the column sums. */
const scratch = new WeakMap<ScoringModel, { touched: Int32Array; sums: Float64Array }>();

/**
 * The cosines as a compact vector (what the import worker sends back): with each theme in
 * {@link modelThemes} order, then with each labelled document; computed through postings, so no
 * theme walks the document. Allocates nothing but its answer.
 */
export function scoreVector(model: ScoringModel, doc: { title: string; text: string }): Float32Array {
  const { terms, termInts, postings } = model;
  let work = scratch.get(model);
  if (!work) scratch.set(model, (work = { touched: new Int32Array(4096), sums: new Float64Array(vectorSize(model)) }));
  const { sums } = work;
  sums.fill(0);
  const body = doc.text.length > MODEL_TEXT ? doc.text.slice(0, MODEL_TEXT) : doc.text;
  // The terms touched, listed to read and clear their counts (at most one per character).
  if (work.touched.length < body.length + doc.title.length) work.touched = new Int32Array(body.length + doc.title.length);
  const { touched } = work;
  let n = walk(model, touched, 0, body, 1);
  n = walk(model, touched, n, doc.title, TITLE_WEIGHT);
  let norm = 0;
  for (let j = 0; j < n; j++) {
    const at = 4 * touched[j]!;
    const x = (1 + Math.log(terms[at + COUNT]!)) * terms[at + IDF]!;
    terms[at + COUNT] = 0;
    norm += x * x;
    for (let k = 2 * termInts[at + START]!, end = 2 * termInts[at + END]!; k < end; k += 2) sums[postings[k]!]! += x * postings[k + 1]!;
  }
  norm = Math.sqrt(norm) || 1;
  const out = new Float32Array(sums.length);
  for (let t = 0; t < sums.length; t++) out[t] = sums[t]! / norm;
  return out;
}

/** Adds the known bigrams of `s` (weight `w` each) to their terms' counts, listing each newly touched term in `touched` from `n`; answers the new length of that list. */
function walk(model: ScoringModel, touched: Int32Array, n: number, s: string, w: number): number {
  const { table, mask, terms } = model;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = denseOf(s.charCodeAt(i));
    if (c >= 0 && prev >= 0) {
      const term = table[2 * slotOf(table, mask, prev * DENSE + c) + 1]!;
      if (term >= 0) {
        if (terms[4 * term + COUNT] === 0) touched[n++] = term;
        terms[4 * term + COUNT]! += w;
      }
    }
    prev = c;
  }
  return n;
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
