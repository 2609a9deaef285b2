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
import { createShards } from './shards.js';
import { queryTokens, tokenizeNormalized } from './tokenize.js';
import { unitsOf, type Unit } from './units.js';

/** Bump when what is indexed or how changes: an index of another version is rebuilt. */
export const INDEX_VERSION = 2;

export interface IndexedDoc {
  id: string;
  kind: DocumentKind;
  title: string;
  site?: string;
  topics?: string[];
  publishedAt?: string;
  sourceId?: string;
}

export interface SearchFilters {
  kinds?: DocumentKind[];
  topics?: string[];
  sites?: string[];
  sourceIds?: string[];
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
}

interface Stored {
  docId: string;
  page?: number;
  kind: DocumentKind;
  site?: string;
  topics?: string[];
  publishedAt?: string;
  sourceId?: string;
}

/** What the index keeps of each unit besides its tokens: filters, and the shards it is in. */
export interface IndexMeta {
  units: Record<string, Stored & { shards: number[] }>;
}

export interface SearchIndex {
  add(doc: IndexedDoc, text: string): void;
  /** Gives a loaded index the text of a document it already indexes (for checking candidates). */
  attachText(doc: IndexedDoc, text: string): void;
  remove(docId: string): void;
  has(docId: string): boolean;
  readonly documentCount: number;
  search(query: string, options: { limit: number; filters?: SearchFilters; readText: (docId: string) => Promise<string>; titles: (docId: string) => string }): Promise<SearchResult>;
  /** The unit table, to save beside the shards. */
  meta(): IndexMeta;
  /** Shards changed since the last call, as plain objects to save (index → object). */
  takeDirtyShards(): Map<number, unknown>;
}

const passes = (stored: Stored, filters: SearchFilters | undefined): boolean => {
  if (!filters) return true;
  if (filters.kinds?.length && !filters.kinds.includes(stored.kind)) return false;
  if (filters.sites?.length && !(stored.site && filters.sites.includes(stored.site))) return false;
  if (filters.sourceIds?.length && !(stored.sourceId && filters.sourceIds.includes(stored.sourceId))) return false;
  if (filters.topics?.length && !stored.topics?.some((t) => filters.topics!.includes(t))) return false;
  if (filters.from && !(stored.publishedAt && stored.publishedAt >= filters.from)) return false;
  if (filters.to && !(stored.publishedAt && stored.publishedAt.slice(0, filters.to.length) <= filters.to)) return false;
  return true;
};

/** A part is proven by its token alone when it is exactly one two-character CJK token. */
const provenByToken = (part: string): boolean => {
  const tokens = queryTokens(part);
  return tokens.length === 1 && tokens[0] === part && [...part].length === 2;
};

/** Orders hits so that a PDF's pages follow one another, after the PDF's best page. */
function groupPages<T extends { docId: string }>(hits: T[]): T[] {
  const order = new Map<string, number>();
  hits.forEach((h, i) => {
    if (!order.has(h.docId)) order.set(h.docId, i);
  });
  return hits.map((h, i) => ({ h, i })).sort((a, b) => order.get(a.h.docId)! - order.get(b.h.docId)! || a.i - b.i).map(({ h }) => h);
}

/** A unit's normalized title and text as UTF-8 bytes: candidates are checked with a byte search. */
interface Checkable {
  title: Buffer;
  text: Buffer;
}

const checkable = (unit: Unit): Checkable => ({ title: Buffer.from(normalize(unit.title)), text: Buffer.from(normalize(unit.text)) });

function matchesBytes(unit: Checkable, must: Buffer[], not: Buffer[]): boolean {
  const has = (needle: Buffer): boolean => unit.title.includes(needle) || unit.text.includes(needle);
  return must.every(has) && !not.some(has);
}

/**
 * A new index, or one opened from a saved unit table whose shards `loadShard` reads on first use.
 */
export function createSearchIndex(saved?: { meta: IndexMeta; loadShard: (index: number) => unknown | undefined }): SearchIndex {
  /** Normalized bytes of units, outside the JS heap; filled as units are added or first checked. */
  const bytes = new Map<string, Checkable>();
  const units = new Map(Object.entries(saved?.meta.units ?? {}));
  const unitsByDoc = new Map<string, string[]>();
  for (const [id, unit] of units) {
    const list = unitsByDoc.get(unit.docId);
    if (list) list.push(id);
    else unitsByDoc.set(unit.docId, [id]);
  }
  const shards = createShards(saved?.loadShard);
  const tokensOf = (s: string): string[] => tokenizeNormalized(normalize(s));

  return {
    add(doc, text) {
      if (unitsByDoc.has(doc.id)) this.remove(doc.id);
      const list = unitsOf(doc, text);
      const stored: Stored = {
        docId: doc.id,
        kind: doc.kind,
        ...(doc.site ? { site: doc.site } : {}),
        ...(doc.topics?.length ? { topics: doc.topics } : {}),
        ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
        ...(doc.sourceId ? { sourceId: doc.sourceId } : {}),
      };
      for (const unit of list) {
        const into = shards.add(unit.id, { title: tokensOf(unit.title), text: tokensOf(unit.text) });
        units.set(unit.id, { ...stored, ...(unit.page ? { page: unit.page } : {}), shards: into });
        bytes.set(unit.id, checkable(unit));
      }
      unitsByDoc.set(doc.id, list.map((u) => u.id));
    },
    attachText(doc, text) {
      for (const unit of unitsOf(doc, text)) bytes.set(unit.id, checkable(unit));
    },
    remove(docId) {
      for (const id of unitsByDoc.get(docId) ?? []) {
        shards.remove(id, units.get(id)?.shards ?? []);
        units.delete(id);
        bytes.delete(id);
      }
      unitsByDoc.delete(docId);
    },
    has: (docId) => unitsByDoc.has(docId),
    get documentCount() {
      return unitsByDoc.size;
    },
    meta: () => ({ units: Object.fromEntries(units) }),
    takeDirtyShards: () => shards.takeDirty(),
    async search(query, { limit, filters, readText, titles }) {
      const parsed: ParsedQuery = parseQuery(query);
      const parts = parsed.must.filter((p) => queryTokens(p).length);
      if (!parts.length) return { total: 0, hits: [] };
      // Candidates: the units of the rarest token (a one-character token matches as a prefix).
      // The other tokens are not intersected: the exact check below is cheaper than building
      // their often long lists, and it is what decides anyway.
      const tokens = [...new Set(parts.flatMap((p) => queryTokens(p)))].map((t) => ({ t, prefix: [...t].length === 1 }));
      const rarest = tokens.reduce((a, b) => (shards.frequency(b.t, b.prefix) < shards.frequency(a.t, a.prefix) ? b : a));
      const others = tokens.filter((x) => x !== rarest);
      const results: { id: string; score: number }[] = [];
      for (const [id, score] of shards.lookup(rarest.t, rarest.prefix)) {
        const unit = units.get(id);
        if (unit && passes(unit, filters)) results.push({ id, score });
      }
      const needsCheck = others.length > 0 || parsed.not.length > 0 || parsed.must.some((p) => !provenByToken(p));
      const mustBytes = parsed.must.map((p) => Buffer.from(p));
      const notBytes = parsed.not.map((p) => Buffer.from(p));
      const texts = new Map<string, Promise<string[]>>();
      const unitText = async (docId: string, page?: number): Promise<string> => {
        if (!texts.has(docId)) texts.set(docId, readText(docId).then((t) => t.split('\f'), () => ['']));
        const pages = await texts.get(docId)!;
        return pages[(page ?? 1) - 1] ?? '';
      };
      // Check every candidate (when needed) for the exact total; build snippets for the page shown.
      const verified: { unit: Omit<Unit, 'title' | 'text'>; score: number }[] = [];
      for (const r of results) {
        const stored = units.get(r.id)!;
        const unit = { id: r.id, docId: stored.docId, ...(stored.page ? { page: stored.page } : {}) };
        if (needsCheck) {
          let unitBytes = bytes.get(r.id);
          if (!unitBytes) {
            // Opened from disk: the unit's text is read and kept the first time it is checked.
            const title = stored.page === undefined || stored.page === 1 ? titles(stored.docId) : '';
            unitBytes = checkable({ id: r.id, docId: stored.docId, title, text: await unitText(stored.docId, stored.page) });
            bytes.set(r.id, unitBytes);
          }
          if (!matchesBytes(unitBytes, mustBytes, notBytes)) continue;
        }
        verified.push({ unit, score: r.score });
      }
      // Rank the hits by every token, now that they are few.
      for (const v of verified) for (const o of others) v.score += shards.scoreOf(o.t, o.prefix, v.unit.id);
      verified.sort((a, b) => b.score - a.score);
      const ordered = groupPages(verified.map((v) => ({ docId: v.unit.docId, v })));
      const hits: SearchHit[] = [];
      for (const { v } of ordered.slice(0, limit)) {
        const title = v.unit.page === undefined || v.unit.page === 1 ? titles(v.unit.docId) : '';
        const unit: Unit = { ...v.unit, title, text: await unitText(v.unit.docId, v.unit.page) };
        const unitBytes = bytes.get(v.unit.id);
        const inText = unitBytes ? mustBytes.some((b) => unitBytes.text.includes(b)) : undefined;
        hits.push({ ...hitOf(unit, parsed.must, v.score, inText), title: titles(v.unit.docId) });
      }
      return { total: verified.length, hits };
    },
  };
}
