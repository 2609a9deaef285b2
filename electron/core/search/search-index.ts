/**
 * The full-text index: minisearch over search units (an article, or one PDF page) with the
 * Chinese tokenizer. A query finds candidates that have every token of every part (the
 * tokenizer guarantees no document containing the query lacks one), then each candidate is
 * checked for the exact strings, so every hit contains the query and none is missed. A part that
 * is a single bigram needs no check: having the token is containing the string.
 *
 * @example
 * const index = createSearchIndex();
 * index.add({ id: 'd_1', kind: 'article', title: '基层减负' }, '为基层减负……');
 * await index.search('基层减负', { limit: 20, readText });
 */
import MiniSearch from 'minisearch';
import type { DocumentKind, SearchHit, SearchResult } from '../../shared/types.js';
import { normalize } from './normalize.js';
import { parseQuery, type ParsedQuery } from './query.js';
import { hitOf, unitMatches } from './scan.js';
import { queryTokens, tokenizeNormalized } from './tokenize.js';
import { unitsOf, type Unit } from './units.js';

/** Bump when what is indexed or how changes: an index of another version is rebuilt. */
export const INDEX_VERSION = 1;

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

type Record_ = Stored & { id: string; title: string; text: string };

const OPTIONS = {
  fields: ['title', 'text'],
  storeFields: ['docId', 'page', 'kind', 'site', 'topics', 'publishedAt', 'sourceId'],
  tokenize: (text: string) => tokenizeNormalized(normalize(text)),
  processTerm: (term: string) => term,
  searchOptions: { boost: { title: 3 } },
};

export interface SearchIndex {
  add(doc: IndexedDoc, text: string): void;
  /** Gives a loaded index the text of a document it already indexes (for checking candidates). */
  attachText(doc: IndexedDoc, text: string): void;
  remove(docId: string): void;
  has(docId: string): boolean;
  readonly documentCount: number;
  search(query: string, options: { limit: number; filters?: SearchFilters; readText: (docId: string) => Promise<string>; titles: (docId: string) => string }): Promise<SearchResult>;
  toJSON(): unknown;
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

/** A new index, or one loaded from what {@link SearchIndex.toJSON} returned (parsed). */
export function createSearchIndex(serialized?: unknown): SearchIndex {
  /** Normalized bytes of every unit, outside the JS heap. */
  const bytes = new Map<string, Checkable>();
  const mini: MiniSearch<Record_> = serialized ? MiniSearch.loadJS(serialized as never, OPTIONS) : new MiniSearch<Record_>(OPTIONS);
  const unitsByDoc = new Map<string, string[]>();
  if (serialized) {
    const plain = serialized as { storedFields: Record<string, Stored>; documentIds: Record<string, string> };
    for (const [short, id] of Object.entries(plain.documentIds)) {
      const docId = plain.storedFields[short]?.docId ?? id.split('#')[0]!;
      const list = unitsByDoc.get(docId);
      if (list) list.push(id);
      else unitsByDoc.set(docId, [id]);
    }
  }

  return {
    add(doc, text) {
      if (unitsByDoc.has(doc.id)) this.remove(doc.id);
      const units = unitsOf(doc, text);
      const stored: Stored = {
        docId: doc.id,
        kind: doc.kind,
        ...(doc.site ? { site: doc.site } : {}),
        ...(doc.topics?.length ? { topics: doc.topics } : {}),
        ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
        ...(doc.sourceId ? { sourceId: doc.sourceId } : {}),
      };
      mini.addAll(units.map((u) => ({ ...stored, id: u.id, title: u.title, text: u.text, ...(u.page ? { page: u.page } : {}) })));
      unitsByDoc.set(doc.id, units.map((u) => u.id));
      for (const unit of units) bytes.set(unit.id, checkable(unit));
    },
    attachText(doc, text) {
      for (const unit of unitsOf(doc, text)) bytes.set(unit.id, checkable(unit));
    },
    remove(docId) {
      for (const id of unitsByDoc.get(docId) ?? []) {
        mini.discard(id);
        bytes.delete(id);
      }
      unitsByDoc.delete(docId);
    },
    has: (docId) => unitsByDoc.has(docId),
    get documentCount() {
      return unitsByDoc.size;
    },
    async search(query, { limit, filters, readText, titles }) {
      const parsed: ParsedQuery = parseQuery(query);
      const parts = parsed.must.filter((p) => queryTokens(p).length);
      if (!parts.length) return { total: 0, hits: [] };
      const results = mini.search(
        { combineWith: 'AND', queries: parts.map((p) => ({ combineWith: 'AND', queries: queryTokens(p) })) } as never,
        {
          prefix: (term: string) => [...term].length === 1,
          fuzzy: false,
          tokenize: (t: string) => [t],
          processTerm: (t: string) => t,
          filter: (r) => passes(r as unknown as Stored, filters),
        },
      );
      const needsCheck = parsed.not.length > 0 || parsed.must.some((p) => !provenByToken(p));
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
        const stored = r as unknown as Stored & { id: string };
        const unit = { id: stored.id, docId: stored.docId, ...(stored.page ? { page: stored.page } : {}) };
        if (needsCheck) {
          const unitBytes = bytes.get(stored.id);
          if (unitBytes) {
            if (!matchesBytes(unitBytes, mustBytes, notBytes)) continue;
          } else {
            const title = stored.page === undefined || stored.page === 1 ? titles(stored.docId) : '';
            if (!unitMatches(normalize(title), normalize(await unitText(stored.docId, stored.page)), parsed)) continue;
          }
        }
        verified.push({ unit, score: r.score });
      }
      const ordered = groupPages(verified.map((v) => ({ docId: v.unit.docId, v })));
      const hits: SearchHit[] = [];
      for (const { v } of ordered.slice(0, limit)) {
        const title = v.unit.page === undefined || v.unit.page === 1 ? titles(v.unit.docId) : '';
        const unit: Unit = { ...v.unit, title, text: await unitText(v.unit.docId, v.unit.page) };
        hits.push({ ...hitOf(unit, parsed, v.score), title: titles(v.unit.docId) });
      }
      return { total: verified.length, hits };
    },
    toJSON: () => mini.toJSON(),
  };
}
