/**
 * The second look at a document's themes: how likely each theme is one of its labels, from a
 * small logistic model over what is known of the theme for this document —
 * - `cosine`: the classifier's cosine with the theme's centroid;
 * - `spread`: that cosine against the theme's usual cosine with documents not about it (its mean
 *   and spread), so a theme near every text (网络治理, 医疗卫生) does not win by being near;
 * - `neighbours`: the labels of the {@link NEIGHBOURS} most similar labelled documents, by similarity;
 * - `phrases` and `title`: the theme's 提法 in the text (weighted by rarity among the labelled
 *   documents) and in the title;
 * - `labelled`: how many labelled documents the theme has.
 * Trained at build time with the classifier (`trainRanked`), on features each labelled document
 * gets from a classifier trained without it (four folds), so the weights learn how the features
 * behave on unseen text. Suggestions keep the classifier's first place and order the rest by it
 * (`suggest.ts`; for a law, the first place too): it finds second themes the centroid ranks low.
 *
 * @example
 * const model = compileModel(trainRanked(labelled, taxonomy));
 * rankThemes(model, doc, scoreVector(model, doc), topics); // → Map { '民生保障/医疗卫生' => 0.81, '社会治理/应急管理' => 0.44, … }
 */
import { inTitleOf, phraseEvidence, phraseIds, phraseIdf, phraseScore, phrasesIn, scanPhrases, type PhraseScan } from './evidence.js';
import { trainModel, type LabelledText, type RankerData, type TopicModel } from './model.js';
import { compileModel, scoreVector, vectorSize, type ScoringModel } from './scoring.js';
import type { TopicRecord } from './taxonomy.js';

export const FEATURES = ['cosine', 'spread', 'neighbours', 'phrases', 'title', 'labelled'];
/** Labelled documents that vote. */
export const NEIGHBOURS = 10;
/** A labelled document this similar (to its cosine with its own text) is the same text: it does not vote for itself. */
export const SAME_TEXT = 0.98;
/** Folds for the features the weights are learnt on. */
const FOLDS = 4;
/** Gradient steps, step size and L2 penalty of the logistic fit (features are of order 1). */
const STEPS = 300;
const STEP = 1;
const L2 = 1e-3;

type Stats = Omit<RankerData, 'features' | 'weights'>;

const related = (a: string, b: string): boolean => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/** What the features need of a training set beside the classifier. */
function statsOf(model: ScoringModel, examples: LabelledText[], topics: TopicRecord[]): Stats {
  const vectors = examples.map((e) => scoreVector(model, e));
  const negatives: Stats['negatives'] = {};
  model.themes.forEach((theme, t) => {
    const xs = vectors.filter((_, i) => !examples[i]!.topics.some((l) => related(l, theme))).map((v) => v[t]!);
    const mean = xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, xs.length)) || 1e-3;
    negatives[theme] = [round(mean), round(sd)];
  });
  const labelled: Stats['labelled'] = {};
  for (const e of examples) for (const l of e.topics) labelled[l] = (labelled[l] ?? 0) + 1;
  const df: Record<string, number> = {};
  for (const e of examples) for (const p of phrasesIn(e.title, e.text, topics)) df[p] = (df[p] ?? 0) + 1;
  return { negatives, labelled, phrases: { docs: examples.length, df: Object.fromEntries(Object.entries(df).sort(([a], [b]) => (a < b ? -1 : 1))) } };
}

const round = (x: number): number => Math.round(x * 1e5) / 1e5;

/** What the features read of a model, laid out once per model: per theme index, and each labelled document's vote for each theme. */
interface Layout {
  mean: Float64Array;
  sd: Float64Array;
  prior: Float64Array;
  /** Labelled document i's vote for theme t at i × themes + t: 1 its label, 0.5 a parent or child of one. */
  votes: Float32Array;
}

const layouts = new WeakMap<ScoringModel, WeakMap<Stats, Layout>>();

function layoutOf(model: ScoringModel, stats: Stats): Layout {
  let byStats = layouts.get(model);
  if (!byStats) layouts.set(model, (byStats = new WeakMap()));
  let hit = byStats.get(stats);
  if (!hit) {
    const T = model.themes.length;
    const votes = new Float32Array(model.examples.length * T);
    model.examples.forEach((labels, i) => model.themes.forEach((theme, t) => (votes[i * T + t] = labels.includes(theme) ? 1 : labels.some((l) => related(l, theme)) ? 0.5 : 0)));
    hit = {
      mean: Float64Array.from(model.themes, (t) => stats.negatives[t]?.[0] ?? 0),
      sd: Float64Array.from(model.themes, (t) => stats.negatives[t]?.[1] ?? 1),
      prior: Float64Array.from(model.themes, (t) => Math.log1p(stats.labelled[t] ?? 0) / 3),
      votes,
    };
    byStats.set(stats, hit);
  }
  return hit;
}

/** The labelled documents most similar to a document (not the same text), best first: their indexes (-1 past the last) and similarities. */
function neighboursOf(model: ScoringModel, vector: ArrayLike<number>): { sims: Float64Array; who: Int32Array } {
  const T = model.themes.length;
  const sims = new Float64Array(NEIGHBOURS).fill(-1);
  const who = new Int32Array(NEIGHBOURS).fill(-1);
  for (let i = 0; i < model.examples.length; i++) {
    const sim = vector[T + i]!;
    if (sim >= SAME_TEXT * model.exampleNorms[i]! || sim <= sims[NEIGHBOURS - 1]!) continue;
    let k = NEIGHBOURS - 1;
    for (; k > 0 && sims[k - 1]! < sim; k--) {
      sims[k] = sims[k - 1]!;
      who[k] = who[k - 1]!;
    }
    sims[k] = sim;
    who[k] = i;
  }
  return { sims, who };
}

/** The neighbours' vote for each theme: their similarity times their vote (`Layout.votes`). */
function voteOf(model: ScoringModel, layout: Layout, vector: ArrayLike<number>): Float64Array {
  const T = model.themes.length;
  const { sims, who } = neighboursOf(model, vector);
  const vote = new Float64Array(T);
  for (let k = 0; k < NEIGHBOURS && who[k]! >= 0; k++) for (let t = 0; t < T; t++) vote[t]! += sims[k]! * layout.votes[who[k]! * T + t]!;
  return vote;
}

/** The features of each of the model's themes for a document (`vector`: its {@link scoreVector}), in {@link FEATURES} order. */
function featuresOf(model: ScoringModel, stats: Stats, scan: PhraseScan, vector: ArrayLike<number>, topics: ReadonlyMap<string, TopicRecord>): number[][] {
  const layout = layoutOf(model, stats);
  const { mean, sd, prior } = layout;
  const vote = voteOf(model, layout, vector);
  return model.themes.map((theme, t) => {
    const topic = topics.get(theme);
    const evidence = topic ? phraseEvidence(scan, topic, stats.phrases) : { score: 0, inTitle: 0 };
    return [vector[t]!, (vector[t]! - mean[t]!) / sd[t]! / 10, vote[t]!, evidence.score / 20, evidence.inTitle, prior[t]!];
  });
}

const logistic = (weights: readonly number[], x: readonly number[]): number => {
  let a = weights[x.length]!;
  for (let j = 0; j < x.length; j++) a += weights[j]! * x[j]!;
  return 1 / (1 + Math.exp(-a));
};

/** Fits the logistic weights (then the bias) by gradient descent: deterministic. */
export function fitLogistic(X: number[][], y: number[]): number[] {
  const n = X[0]?.length ?? 0;
  const w = new Array<number>(n + 1).fill(0);
  for (let step = 0; step < STEPS; step++) {
    const g = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < X.length; i++) {
      const e = logistic(w, X[i]!) - y[i]!;
      for (let j = 0; j < n; j++) g[j]! += e * X[i]![j]!;
      g[n]! += e;
    }
    for (let j = 0; j <= n; j++) w[j]! -= STEP * (g[j]! / Math.max(1, X.length) + (j < n ? L2 * w[j]! : 0));
  }
  return w.map(round);
}

const byPath = (topics: TopicRecord[]): Map<string, TopicRecord> => new Map(topics.map((t) => [t.path, t]));

/** Trains the classifier (`trainModel`) and the ranker on top of it. */
export function trainRanked(examples: LabelledText[], topics: TopicRecord[], options: Parameters<typeof trainModel>[2] = {}): TopicModel {
  const paths = byPath(topics);
  const X: number[][] = [];
  const y: number[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const train = examples.filter((_, i) => i % FOLDS !== f);
    const model = compileModel(trainModel(train, topics, options));
    const stats = statsOf(model, train, topics);
    for (const doc of examples.filter((_, i) => i % FOLDS === f))
      featuresOf(model, stats, scanPhrases(doc, topics), scoreVector(model, doc), paths).forEach((x, t) => {
        X.push(x);
        y.push(doc.topics.includes(model.themes[t]!) ? 1 : 0);
      });
  }
  const trained = trainModel(examples, topics, options);
  const stats = statsOf(compileModel(trained), examples, topics);
  return { ...trained, rank: { features: [...FEATURES], weights: fitLogistic(X, y), ...stats } };
}

/** The ranker's features of each of the model's themes for a document, in {@link FEATURES} order (what its likelihood is made of); none without a ranker. */
export function themeFeatures(model: ScoringModel, doc: { title: string; text: string }, vector: ArrayLike<number>, topics: TopicRecord[]): Map<string, number[]> | undefined {
  if (!model.rank) return undefined;
  const rows = featuresOf(model, model.rank, scanPhrases(doc, topics), vector, byPath(topics));
  return new Map(model.themes.map((theme, t) => [theme, rows[t]!]));
}

/** How likely each of the model's themes is a label of the document; none without a ranker. */
export function rankThemes(model: ScoringModel, doc: { title: string; text: string }, vector: ArrayLike<number>, topics: TopicRecord[], scan = scanPhrases(doc, topics)): Map<string, number> | undefined {
  const chance = themeChances(model, vector, topics, scan);
  return chance && new Map(model.themes.map((theme, t) => [theme, chance[t]!]));
}

/**
 * {@link rankThemes} by the theme's place in the model (what suggestions read): the features are
 * computed straight into the logistic, the 提法's rarity read from a table kept per model.
 */
export function themeChances(model: ScoringModel, vector: ArrayLike<number>, topics: TopicRecord[], scan: PhraseScan): Float64Array | undefined {
  const rank = model.rank;
  if (!rank || rank.features.join() !== FEATURES.join() || vector.length !== vectorSize(model)) return undefined;
  const layout = layoutOf(model, rank);
  const { mean, sd, prior } = layout;
  const vote = voteOf(model, layout, vector);
  const ids = themePhrases(model, topics, scan.matcher);
  const idf = phraseIdf(scan.matcher, rank.phrases);
  const w = rank.weights;
  const out = new Float64Array(model.themes.length);
  for (let t = 0; t < out.length; t++) {
    const own = ids[t];
    const phrases = own ? phraseScore(scan, own, idf) : 0;
    const inTitle = own ? inTitleOf(scan, own) : 0;
    // As `logistic` over `featuresOf`: the bias, then each feature's term in FEATURES order (the same number).
    let a = w[FEATURES.length]!;
    a += w[0]! * vector[t]!;
    a += w[1]! * ((vector[t]! - mean[t]!) / sd[t]! / 10);
    a += w[2]! * vote[t]!;
    a += w[3]! * (phrases / 20);
    a += w[4]! * inTitle;
    a += w[5]! * prior[t]!;
    out[t] = 1 / (1 + Math.exp(-a));
  }
  return out;
}

const themeIds = new WeakMap<ScoringModel, WeakMap<PhraseScan['matcher'], (Int32Array | undefined)[]>>();

/** Per theme of the model, its topic's 提法 as the matcher's phrase indexes (none when the list lacks the theme). */
function themePhrases(model: ScoringModel, topics: TopicRecord[], matcher: PhraseScan['matcher']): (Int32Array | undefined)[] {
  let byMatcher = themeIds.get(model);
  if (!byMatcher) themeIds.set(model, (byMatcher = new WeakMap()));
  let hit = byMatcher.get(matcher);
  if (!hit) {
    const paths = byPath(topics);
    hit = model.themes.map((theme) => {
      const topic = paths.get(theme);
      return topic ? phraseIds({ matcher }, topic) : undefined;
    });
    byMatcher.set(matcher, hit);
  }
  return hit;
}
