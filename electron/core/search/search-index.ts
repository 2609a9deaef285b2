/**
 * The full-text index: minisearch (in term shards, see `shards.ts`) over search units (an
 * article, or one PDF page) with the Chinese tokenizer. A query finds the units that have every
 * token of every part — rarest token first — (the tokenizer guarantees no document containing
 * the query lacks one), then each candidate is checked for the exact strings by a byte search in
 * its normalized text, so every hit contains the query and none is missed. A part that is a
 * single bigram needs no check: having the token is containing the string.
 *
 * @example
 * const index = createSearchIndex();
 * index.add({ id: 'd_1', kind: 'article', title: '基层减负' }, '为基层减负……');
 * await index.search('基层减负', { limit: 20, readText, titles });
 */
import type { DocumentKind, SearchHit, SearchResult } from '../../shared/types.js';
import { normalize } from './normalize.js';
import { parseQuery, type ParsedQuery } from './query.js';
import { hitOf } from './hit.js';
import { topHits } from './rank.js';
import { checkableOf, codesOf, contains, findPart, firstIn, FOUND_LATER, provenStart, windowOf, type Checkable, type Part } from './checkable.js';
import { blockSizeOf, createShards, tallyOf, type Tally } from './shards.js';
import { bigramSpans, queryTokens, runsOf, tokenizeNormalized } from './tokenize.js';
import { unitsOf, type Unit } from './units.js';

/** Bump when what is indexed or how changes: an index of another version is rebuilt. */
export const INDEX_VERSION = 8;

/** Query tokens used to find candidates (the rarest ones; the check covers the rest). */
const MAX_TOKENS = 30;

export interface IndexedDoc {
  id: string;
  /**
   * Changes whenever what the index holds of the document would (its file, its version, the
   * fields it filters on): a saved index whose stamp differs is stale for that document.
   */
  stamp?: string;
  kind: DocumentKind;
  title: string;
  site?: string;
  publishedAt?: string;
  sourceId?: string;
}

export interface SearchFilters {
  kinds?: DocumentKind[];
  /** As the API takes it; the search service resolves it to {@link docIds} (the index keeps no topics). */
  topics?: string[];
  sites?: string[];
  sourceIds?: string[];
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
  /** With `from`/`to`: keep documents whose date is unknown (else they are counted in `undated`). */
  undated?: boolean;
  /** Only these documents (the search service resolves a topic filter to them, 推荐 tags included). */
  docIds?: string[];
}

interface Stored {
  docId: string;
  page?: number;
  /** A PDF page that carries the start of the next (`units.ts`): a token may be only in the carry, so a match is always checked. */
  carried?: boolean;
  /** Bytes (UTF-16) of the unit's normalized text: its block size, so a match can be proven without reading it. */
  bytes?: number;
  kind: DocumentKind;
  site?: string;
  publishedAt?: string;
  sourceId?: string;
}

/** A unit's entry: with the shards it is in, as a bit mask (`shards.ts`). */
type Unit_ = Stored & { shards: number };

/**
 * A unit's entry with every field present, in one order: entries of one shape keep the query
 * loop's property reads monomorphic (entries built with optional spreads cost ~2× per query).
 */
const entryOf = (u: Unit_): Unit_ => ({
  docId: u.docId,
  page: u.page,
  carried: u.carried,
  bytes: u.bytes,
  kind: u.kind,
  site: u.site,
  publishedAt: u.publishedAt,
  sourceId: u.sourceId,
  shards: u.shards,
});

/** What the index keeps of each unit besides its tokens: filters, and the shards it is in. */
export interface IndexMeta {
  units: Record<string, Unit_>;
  /** Each document's {@link IndexedDoc.stamp} when it was indexed. */
  stamps?: Record<string, string>;
}

export interface SearchIndex {
  add(doc: IndexedDoc, text: string): void;
  /** Gives a loaded index the text of a document it already indexes (for checking candidates). */
  attachText(doc: IndexedDoc, text: string): void;
  remove(docId: string): void;
  has(docId: string): boolean;
  /** The stamp the document had when indexed (undefined: not indexed, or indexed without one). */
  stampOf(docId: string): string | undefined;
  /** The documents indexed. */
  docIds(): string[];
  readonly documentCount: number;
  search(query: string, options: SearchOptions): Promise<SearchResult>;
  /** The unit table, to save beside the shards. */
  meta(): IndexMeta;
  /** Shards changed since the last call, as the bytes of their files (index → bytes). */
  takeDirtyShards(): Map<number, Buffer>;
}

export interface SearchOptions {
  limit: number;
  filters?: SearchFilters;
  /** A document's whole text file (pages separated by form feeds). */
  readText: (docId: string) => Promise<string>;
  /** Bytes `[start, end)` of a document's text file, for snippets (default: via `readText`). */
  readBytes?: (docId: string, start: number, end: number) => Promise<Buffer>;
  titles: (docId: string) => string;
}

/** 1: the unit passes the filters; 0: it does not; `UNDATED`: only its unknown date keeps it out. */
const UNDATED = 2;
const passes = (stored: Stored, filters: SearchFilters | undefined, only?: ReadonlySet<string>): number => {
  if (!filters) return 1;
  if (only && !only.has(stored.docId)) return 0;
  if (filters.kinds?.length && !filters.kinds.includes(stored.kind)) return 0;
  if (filters.sites?.length && !(stored.site && filters.sites.includes(stored.site))) return 0;
  if (filters.sourceIds?.length && !(stored.sourceId && filters.sourceIds.includes(stored.sourceId))) return 0;
  if ((filters.from || filters.to) && !stored.publishedAt) return filters.undated ? 1 : UNDATED;
  if (filters.from && !(stored.publishedAt! >= filters.from)) return 0;
  if (filters.to && !(stored.publishedAt!.slice(0, filters.to.length) <= filters.to)) return 0;
  return 1;
};

/** A part is proven by its token alone when it is exactly one two-character CJK token. */
const provenByToken = (part: string): boolean => {
  const tokens = queryTokens(part);
  return tokens.length === 1 && tokens[0] === part && [...part].length === 2;
};

/**
 * Where every part of a query is in unit `n`, proven from the index alone (`provenStart`): the
 * smallest start, or -1 when a part is not proven so (its text must be read).
 */
function provenAt(parts: Part[], tally: Tally, n: number, block: number): number {
  let first = -1;
  for (const part of parts) {
    const place = provenStart(part, tally, n, block);
    if (place < 0) return -1;
    first = first < 0 ? place : Math.min(first, place);
  }
  return first;
}

/**
 * A new index, or one opened from a saved unit table whose shards `loadShard` reads on first use.
 */
export function createSearchIndex(saved?: { meta: IndexMeta; loadShard: (index: number) => Uint8Array | undefined }): SearchIndex {
  const shards = createShards(saved?.loadShard);
  /**
   * Units, numbered for per-query arrays (numbers are never reused): the query loop reads a
   * unit's entry and checkable text by number, not by id. A removed unit's entry is undefined.
   */
  const numbers = new Map<string, number>();
  const ids: string[] = [];
  const entries: (Unit_ | undefined)[] = [];
  /** Normalized text of units, outside the JS heap; filled as units are added or first checked. */
  const checkables: (Checkable | undefined)[] = [];
  const numberOf = (id: string): number => {
    let n = numbers.get(id);
    if (n === undefined) {
      n = ids.length;
      ids.push(id);
      entries.push(undefined);
      checkables.push(undefined);
      numbers.set(id, n);
    }
    return n;
  };
  const unitsByDoc = new Map<string, string[]>();
  const stamps = new Map<string, string>(Object.entries(saved?.meta.stamps ?? {}));
  for (const [id, unit] of Object.entries(saved?.meta.units ?? {})) {
    entries[numberOf(id)] = entryOf(unit);
    const list = unitsByDoc.get(unit.docId);
    if (list) list.push(id);
    else unitsByDoc.set(unit.docId, [id]);
  }
  const tokensOf = (s: string): string[] => tokenizeNormalized(normalize(s));

  return {
    add(doc, text) {
      if (unitsByDoc.has(doc.id)) this.remove(doc.id);
      const list = unitsOf(doc, text);
      const stored: Stored = {
        docId: doc.id,
        kind: doc.kind,
        ...(doc.site ? { site: doc.site } : {}),
        ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
        ...(doc.sourceId ? { sourceId: doc.sourceId } : {}),
      };
      for (const unit of list) {
        const text = normalize(unit.text + (unit.carry?.text ?? ''));
        const spans = { bigrams: bigramSpans(text), blockSize: blockSizeOf(2 * text.length) };
        const into = shards.add(unit.id, { title: tokensOf(unit.title), text: tokenizeNormalized(text) }, spans);
        const n = numberOf(unit.id);
        entries[n] = entryOf({ ...stored, ...(unit.page ? { page: unit.page } : {}), ...(unit.carry ? { carried: true } : {}), bytes: 2 * text.length, shards: into });
        checkables[n] = checkableOf(unit.title, unit.text, unit.fileStart, unit.carry);
      }
      unitsByDoc.set(doc.id, list.map((u) => u.id));
      if (doc.stamp) stamps.set(doc.id, doc.stamp);
      else stamps.delete(doc.id);
    },
    attachText(doc, text) {
      for (const unit of unitsOf(doc, text)) checkables[numberOf(unit.id)] = checkableOf(unit.title, unit.text, unit.fileStart, unit.carry);
    },
    remove(docId) {
      for (const id of unitsByDoc.get(docId) ?? []) {
        const n = numberOf(id);
        shards.remove(id, entries[n]?.shards ?? 0);
        entries[n] = undefined;
        checkables[n] = undefined;
      }
      unitsByDoc.delete(docId);
      stamps.delete(docId);
    },
    has: (docId) => unitsByDoc.has(docId),
    stampOf: (docId) => stamps.get(docId),
    docIds: () => [...unitsByDoc.keys()],
    get documentCount() {
      return unitsByDoc.size;
    },
    meta: () => ({ units: Object.fromEntries(ids.flatMap((id, n) => (entries[n] ? [[id, entries[n]]] : []))), stamps: Object.fromEntries(stamps) }),
    takeDirtyShards: () => shards.takeDirty(),
    async search(query, { limit, filters, readText, titles, readBytes = async (docId, start, end) => Buffer.from(await readText(docId)).subarray(start, end) }) {
      const parsed: ParsedQuery = parseQuery(query);
      const parts = parsed.must.filter((p) => runsOf(p).length);
      if (!parts.length) return { total: 0, hits: [] };
      const only = filters?.docIds ? new Set(filters.docIds) : undefined;
      // Term at a time, rarest token first: each token's postings mark, score and place the
      // units that have it (see `Tally`); the candidates are the rarest token's units that have
      // every token. A query of one-character runs only has no tokens: every unit is a candidate,
      // and the check decides.
      const tokens = [...new Set(parts.flatMap((p) => queryTokens(p)))]
        .map((t) => ({ t, n: shards.frequency(t) }))
        .sort((a, b) => a.n - b.n)
        .slice(0, MAX_TOKENS)
        .map((x) => x.t);
      const tally = tallyOf(ids.length, tokens.length);
      let candidates: number[] = [];
      if (tokens.length) tokens.forEach((t, slot) => shards.accumulate(t, slot, tally, numberOf, slot === 0 ? candidates : undefined));
      else candidates = ids.flatMap((_, n) => (entries[n] ? [n] : []));
      const all = tokens.length ? 2 ** tokens.length - 1 : 0;
      const needsCheck = tokens.length !== 1 || parsed.not.length > 0 || parsed.must.some((p) => !provenByToken(p));
      const texts = new Map<string, Promise<Unit[]>>();
      /** Unit `n`'s checkable text; opened from disk, it is read and kept the first time. */
      const checkableAt = async (n: number, stored: Stored): Promise<Checkable> => {
        let unitBytes = checkables[n];
        if (!unitBytes) {
          const doc = { id: stored.docId, kind: stored.kind, title: titles(stored.docId) };
          if (!texts.has(doc.id)) texts.set(doc.id, readText(doc.id).then((t) => unitsOf(doc, t), () => unitsOf(doc, '')));
          const unit = (await texts.get(doc.id)!)[(stored.page ?? 1) - 1];
          unitBytes = checkableOf(unit?.title ?? '', unit?.text ?? '', unit?.fileStart ?? 0, unit?.carry);
          checkables[n] = unitBytes;
        }
        return unitBytes;
      };
      // The check of a part looks only where the part can be: between its bigrams' first
      // and last places, minus their offsets in the part.
      const slot = new Map(tokens.map((t, i) => [t, i]));
      const checks: Part[] = parsed.must.map((text) => {
        const spans = bigramSpans(text);
        const bigrams = [...spans].filter(([t]) => slot.has(t)).map(([t, [offset]]) => ({ at: slot.get(t)!, offset }));
        return { text, codes: codesOf(text), bigrams, proof: runsOf(text).length === 1 && spans.size === [...text].length - 1 };
      });
      // Hits as parallel arrays: unit number, score, and the first match's byte in the text (for
      // the snippet; -1: not known, or in the title only).
      const found = new Int32Array(candidates.length);
      const scores = new Float64Array(candidates.length);
      const firsts = new Int32Array(candidates.length);
      let count = 0;
      let pages = false;
      const undated = new Set<string>();
      candidates: for (let c = 0; c < candidates.length; c++) {
        const n = candidates[c]!;
        if (tally.mask[n] !== all) continue;
        const stored = entries[n];
        const pass = stored && filters ? passes(stored, filters, only) : 1;
        if (!stored || !pass || (pass === UNDATED && undated.has(stored.docId))) continue;
        let first = -1;
        // Every part proven from the index alone (exact places, see `provenAt`): no text to read.
        const proven = needsCheck && !stored.carried && !parsed.not.length && stored.bytes ? provenAt(checks, tally, n, blockSizeOf(stored.bytes)) : -1;
        if (proven >= 0) first = proven;
        else if (needsCheck || stored.carried) {
          const unitBytes = checkables[n] ?? (await checkableAt(n, stored));
          const block = blockSizeOf(unitBytes.text.length);
          let later = false;
          for (const part of checks) {
            const at = findPart(unitBytes, part, tally, n, block);
            if (at >= 0) first = first < 0 ? at : Math.min(first, at);
            else if (at === FOUND_LATER) later = true;
            else if (!unitBytes.title.includes(part.text)) continue candidates;
          }
          if (later) first = -1; // a part's first place is not known: the snippet looks for it
          if (parsed.not.some((part) => contains(unitBytes, part))) continue candidates;
        }
        if (pass === UNDATED) {
          undated.add(stored.docId);
          continue;
        }
        if (stored.page !== undefined) pages = true;
        found[count] = n;
        scores[count] = tokens.length ? tally.score[n]! : 1;
        firsts[count++] = first;
      }
      const hits: SearchHit[] = [];
      for (const i of topHits(scores.subarray(0, count), limit, pages ? (i) => entries[found[i]!]!.docId : undefined)) {
        const n = found[i]!;
        const { docId, page } = entries[n]!;
        const title = page === undefined || page === 1 ? titles(docId) : '';
        // The snippet reads only the few kilobytes of the file around the first match.
        const unitBytes = await checkableAt(n, entries[n]!);
        const at = firsts[i]! >= 0 ? firsts[i]! : firstIn(unitBytes, parsed.must);
        // A window over a page break (a page that carries the next) reads across its form feed.
        const text = at < 0 ? '' : await readBytes(docId, ...windowOf(unitBytes, at, 2 * Math.max(...parsed.must.map((m) => m.length)))).then((b) => b.toString('utf8').replace(/\f/g, ''), () => '');
        hits.push({ ...hitOf({ docId, ...(page ? { page } : {}), title, text }, parsed.must, scores[i]!, at >= 0 && text !== ''), title: titles(docId) });
      }
      return { total: count, hits, ...(undated.size ? { undated: undated.size } : {}) };
    },
  };
}
