/**
 * The one API contract of Yandu: for every method, a zod schema of its arguments and the type of
 * its result. Core implements {@link YanduApi}; IPC (desktop) and HTTP (web, CLI, tests) carry it
 * unchanged (the wire, `rpc.ts`); core's API checks arguments with {@link parseArgs} (`checked-api.ts`).
 *
 * @example
 * const args = parseArgs('search', { query: '基层减负', limit: 20 });
 * const result: ApiResult<'search'> = await api.search(args);
 */
import { HIGHLIGHT_COLORS } from './colors.js';
import { z } from 'zod';
import type { MethodName } from './methods.js';
import type {
  DocumentDetail,
  ExportFile,
  OcrItem,
  OcrStatus,
  FolderListing,
  ReviewCard,
  ReviewQueue,
  ReviewStats,
  Highlight,
  DocumentSummary,
  ImportReport,
  LibraryInfo,
  Preferences,
  RemoveResult,
  SearchResult,
  SourceSummary,
  SuggestedTopic,
  TextMatch,
  TopicSummary,
  YanduEvent,
} from './types.js';
import { YanduError } from './errors.js';

const id = z.string().min(1).max(200);
const none = z.object({}).strict();
const isoDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
const httpUrl = z
  .string()
  .max(4096)
  .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'must be an http(s) address');
/** A bearer token as users paste it: printable, no spaces inside. */
const token = z.string().trim().min(8).max(8192).regex(/^[\x21-\x7e]+$/, 'must be printable characters without spaces');

const topicPath = z.string().min(1).max(300);
const offset = z.number().int().min(0).max(2 ** 31);
const color = z.enum(HIGHLIGHT_COLORS);

/** Largest file `addFiles` takes, as base64 characters (about 150 MB of file). */
export const MAX_UPLOAD_BASE64 = 200 * 1024 * 1024;

/** Argument schemas, one per method. */
export const argSchemas = {
  libraryInfo: none,
  listDocuments: none,
  /** `form`: one of the document's other forms (`forms[].id`), read instead of its first. */
  getDocument: z.object({ id, form: id.optional() }).strict(),
  addPaths: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }).strict(),
  addFiles: z
    .object({
      files: z
        .array(z.object({ name: z.string().min(1).max(255), data: z.string().max(MAX_UPLOAD_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64') }).strict())
        .min(1)
        .max(100),
    })
    .strict(),
  removeDocument: z.object({ id }).strict(),
  /** The user's own title, date, author, source or origin ('' clears one); kept over re-import and re-sync. */
  updateDocument: z
    .object({
      id,
      title: z.string().trim().min(1).max(300).optional(),
      publishedAt: isoDate.or(z.literal('')).optional(),
      author: z.string().trim().max(200).optional(),
      site: z.string().trim().max(200).optional(),
      origin: z.string().trim().max(300).optional(),
    })
    .strict(),
  restoreDocument: z.object({ id }).strict(),
  search: z
    .object({
      query: z.string().max(1000),
      limit: z.number().int().min(1).max(10_000).optional(),
      filters: z
        .object({
          kinds: z.array(z.enum(['article', 'pdf', 'docx', 'text'])).max(4).optional(),
          topics: z.array(id).max(100).optional(),
          sites: z.array(z.string().max(200)).max(100).optional(),
          sourceIds: z.array(id).max(100).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          /** With `from`/`to`: also documents with no known date (they are left out and counted otherwise). */
          undated: z.boolean().optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  addSample: none,
  removeSample: none,
  locate: z.object({ id, query: z.string().max(1000), form: id.optional() }).strict(),
  savePosition: z
    .object({ id, page: z.number().int().min(1).max(1_000_000).optional(), fraction: z.number().min(0).max(1) })
    .strict(),
  listHighlights: z.object({ docId: id.optional() }).strict(),
  addHighlight: z
    .object({
      docId: id,
      form: id.optional(),
      start: offset,
      end: offset,
      page: z.number().int().min(1).optional(),
      color,
      note: z.string().max(20_000).optional(),
      topics: z.array(z.string().min(1).max(200)).max(50).optional(),
    })
    .strict(),
  updateHighlight: z
    .object({
      id,
      color: color.optional(),
      note: z.string().max(20_000).optional(),
      topics: z.array(z.string().min(1).max(200)).max(50).optional(),
      confirm: z.boolean().optional(),
      place: z.object({ start: offset, end: offset, page: z.number().int().min(1).optional() }).strict().optional(),
    })
    .strict(),
  removeHighlight: z.object({ id }).strict(),
  restoreHighlight: z.object({ id }).strict(),
  exportHighlights: z
    .object({
      format: z.enum(['markdown', 'csv', 'docx']),
      by: z.enum(['document', 'topic']).optional(),
      docId: id.optional(),
      topic: z.string().min(1).max(200).optional(),
    })
    .strict(),
  backup: none,
  listTopics: none,
  addTopic: z.object({ parent: topicPath.optional(), name: z.string().min(1).max(60), description: z.string().max(500).optional(), phrases: z.array(z.string().min(1).max(50)).max(100).optional() }).strict(),
  renameTopic: z.object({ path: topicPath, name: z.string().min(1).max(60) }).strict(),
  moveTopic: z.object({ path: topicPath, parent: topicPath.optional() }).strict(),
  mergeTopic: z.object({ from: topicPath, into: topicPath }).strict(),
  deleteTopic: z.object({ path: topicPath }).strict(),
  setDocumentTopics: z.object({ id, topics: z.array(topicPath).max(100) }).strict(),
  reviewSuggestion: z.object({ id, topic: topicPath, accept: z.boolean() }).strict(),
  tagDocuments: z
    .object({ ids: z.array(id).min(1).max(100_000), add: z.array(topicPath).max(50).optional(), remove: z.array(topicPath).max(50).optional(), confirm: z.boolean().optional(), under: topicPath.optional() })
    .strict(),
  suggestTopics: z.object({ text: z.string().min(1).max(100_000), title: z.string().max(500).optional() }).strict(),
  removeDocuments: z.object({ ids: z.array(id).min(1).max(100_000) }).strict(),
  restoreDocuments: z.object({ ids: z.array(id).min(1).max(100_000) }).strict(),
  getPreferences: none,
  setPreferences: z
    .object({
      autoTopics: z.boolean().optional(),
      autoOcr: z.boolean().optional(),
      review: z
        .object({
          retention: z.number().min(0.7).max(0.97),
          newPerDay: z.number().int().min(0).max(1000),
          reviewsPerDay: z.number().int().min(0).max(10_000),
          exams: z.array(z.object({ topic: z.string().min(1).max(500), date: isoDate }).strict()).max(20),
        })
        .partial()
        .strict()
        .optional(),
    })
    .strict(),
  restore: z.object({ content: z.string().min(2).max(256 * 1024 * 1024) }).strict(),
  reindex: none,
  sync: z.object({ sourceId: id.optional() }).strict(),
  cancelSync: none,
  listSources: none,
  browseFolders: z.object({ path: z.string().min(1).max(4096).optional() }).strict(),
  reviewQueue: z.object({ topic: z.string().min(1).max(500).optional(), limit: z.number().int().min(1).max(10_000).optional() }).strict(),
  addReviewCard: z.object({ highlightId: id, kind: z.enum(['quote', 'cloze']), hide: z.array(z.string().min(1).max(500)).max(50).optional() }).strict(),
  addTopicCards: z.object({ topic: z.string().min(1).max(500) }).strict(),
  removeReviewCard: z.object({ id }).strict(),
  listReviewCards: z.object({ highlightId: id.optional() }).strict(),
  gradeCard: z.object({ id, rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }).strict(),
  undoGrade: none,
  reviewStats: none,
  proposeCloze: z.object({ highlightId: id }).strict(),
  exportAnki: z.object({ topic: z.string().min(1).max(500).optional(), format: z.enum(['apkg', 'tsv']).optional() }).strict(),
  dailyHighlights: z.object({ n: z.number().int().min(1).max(50).optional() }).strict(),
  previewGrades: z.object({ id }).strict(),
  ocrStatus: none,
  /** Pause or resume the OCR queue as a whole. */
  ocrControl: z.object({ action: z.enum(['pause', 'resume']) }).strict(),
  /** Read one document now (even with automatic OCR off), or stop reading it. */
  ocrDocument: z.object({ id, action: z.enum(['start', 'cancel']) }).strict(),
  /** What OCR placed on each page read (the reader's text layer for scanned pages). */
  ocrLayer: z.object({ id }).strict(),
  addSource: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('folder'), path: z.string().min(1).max(4096), name: z.string().max(200).optional() }).strict(),
    z.object({ kind: z.literal('feed'), url: httpUrl, name: z.string().max(200).optional() }).strict(),
    z.object({ kind: z.literal('manifest'), url: httpUrl, token: token.optional(), name: z.string().max(200).optional() }).strict(),
  ]),
  removeSource: z.object({ id }).strict(),
  setSourceToken: z.object({ id, token }).strict(),
} satisfies Record<MethodName, z.ZodType>;

/** Result types, one per method. */
export interface ApiResults {
  libraryInfo: LibraryInfo;
  listDocuments: DocumentSummary[];
  getDocument: DocumentDetail;
  addPaths: ImportReport;
  /** Files sent by content (web mode's drag and drop and file picker); named in the report by `name`. */
  addFiles: ImportReport;
  /** The sample library (three articles and a PDF), each marked `sample`. */
  addSample: ImportReport;
  /** Removes every sample document (to the trash). */
  removeSample: { removed: number };
  removeDocument: RemoveResult;
  /** The document after the change. */
  updateDocument: DocumentSummary;
  restoreDocument: DocumentSummary;
  search: SearchResult;
  /** Every occurrence of the query in the document, for the reader to mark. */
  locate: { matches: TextMatch[] };
  /** Remembers where the reader is; answers with the document's reading progress (0–1). */
  savePosition: { progress: number };
  listHighlights: Highlight[];
  addHighlight: Highlight;
  updateHighlight: Highlight;
  /** The highlight, kept in a trash: `restoreHighlight` brings it back (undo). */
  removeHighlight: { removed: Highlight };
  restoreHighlight: Highlight;
  /** A file to save: text (Markdown, CSV) or base64 (DOCX). */
  exportHighlights: ExportFile;
  /** Everything the user made, as JSON (see README: backup). */
  backup: ExportFile;
  restore: { highlights: number; documents: number; unmatched: number; sources: number; cards?: number; topics?: number };
  /** Every topic in tree order, with its documents and highlights counted (sub-topics included). */
  listTopics: TopicSummary[];
  addTopic: TopicSummary;
  renameTopic: TopicSummary;
  moveTopic: TopicSummary;
  /** How many documents and highlights were re-tagged. */
  mergeTopic: { documents: number; highlights: number };
  /** How many documents and highlights lost the tag. */
  deleteTopic: { documents: number; highlights: number };
  /** The document's topics after the change. */
  setDocumentTopics: string[];
  reviewSuggestion: string[];
  /** Bulk tagging of documents: `confirm` turns 推荐 tags into confirmed ones. How many changed. */
  tagDocuments: { changed: number };
  /** Topics for a passage (a highlight's own words), the confident ones marked `shown`. */
  suggestTopics: SuggestedTopic[];
  /** Removes many documents to the trash at once (undo: `restoreDocuments`). */
  removeDocuments: { removed: number; highlights: number };
  restoreDocuments: { restored: number };
  getPreferences: Preferences;
  setPreferences: Preferences;
  reindex: { documents: number; ms: number };
  sync: ImportReport;
  cancelSync: { cancelled: boolean };
  listSources: SourceSummary[];
  browseFolders: FolderListing;
  reviewQueue: ReviewQueue;
  addReviewCard: ReviewCard;
  addTopicCards: { added: number };
  removeReviewCard: { removed: ReviewCard };
  listReviewCards: ReviewCard[];
  gradeCard: ReviewCard;
  undoGrade: { undone?: ReviewCard };
  reviewStats: ReviewStats;
  proposeCloze: string[];
  exportAnki: ExportFile;
  dailyHighlights: { highlight: Highlight; title: string }[];
  /** When the card would be due after each grade (ms), by grade 1–4. */
  previewGrades: Record<1 | 2 | 3 | 4, number>;
  ocrStatus: OcrStatus;
  ocrControl: OcrStatus;
  ocrDocument: OcrStatus;
  /** Page number → its lines. */
  ocrLayer: Record<string, OcrItem[]>;
  addSource: SourceSummary;
  removeSource: { removed: SourceSummary };
  setSourceToken: SourceSummary;
}

// Compile-time check: the name list, the schemas and the results agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchSchemas: Same<MethodName, keyof typeof argSchemas> = true;
const namesMatchResults: Same<MethodName, keyof ApiResults> = true;
void namesMatchSchemas;
void namesMatchResults;

export type ApiArgs<M extends MethodName> = z.input<(typeof argSchemas)[M]>;
export type ApiResult<M extends MethodName> = ApiResults[M];

/** The whole API as an object of async methods: what core returns and what clients present. */
export type YanduApi = { [M in MethodName]: (args: ApiArgs<M>) => Promise<ApiResult<M>> };

/** A listener of core events; returns nothing. */
export type EventListener = (event: YanduEvent) => void;

/**
 * Validates raw arguments of a method; throws a `bad-arguments` {@link YanduError} naming the
 * first problem.
 *
 * @example
 * parseArgs('getDocument', { id: 'd_1' }); // → { id: 'd_1' }
 * parseArgs('getDocument', {});             // throws: getDocument: id: …
 */
export function parseArgs<M extends MethodName>(method: M, raw: unknown): z.output<(typeof argSchemas)[M]> {
  const result = argSchemas[method].safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new YanduError('bad-arguments', `${method}: ${where}${issue?.message ?? 'invalid arguments'}`);
  }
  return result.data as z.output<(typeof argSchemas)[M]>;
}
