/**
 * Plain-JSON types of the Yandu API: what crosses IPC and HTTP.
 * Ids are strings, times are epoch milliseconds, dates are `YYYY-MM-DD` strings.
 *
 * @example
 * const doc: DocumentSummary = { id: 'd_x', kind: 'text', title: '笔记', topics: [], addedAt: Date.now() };
 */
import type { ReviewSettings } from './review-types.js';

export type * from './highlight-types.js';
export type * from './review-types.js';

/** What a document is, by the importer that read it. */
export type DocumentKind = 'article' | 'pdf' | 'docx' | 'text';

/** Another form of a document's article: its own file, text and pages. */
export interface DocumentForm {
  /** Names the form in `getDocument`, `locate` and `addHighlight` (`form`). */
  id: string;
  kind: DocumentKind;
  /** Page count, PDFs only. */
  pages?: number;
  sourcePath?: string;
  url?: string;
  addedAt: number;
}

/** What the user may set by hand on a document (`updateDocument`). */
export type EditableField = 'title' | 'publishedAt' | 'author' | 'site' | 'origin';
export const EDITABLE_FIELDS: readonly EditableField[] = ['title', 'publishedAt', 'author', 'site', 'origin'];

/** One library entry as `list` shows it. Later capabilities only add fields. */
export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  title: string;
  site?: string;
  author?: string;
  /** `YYYY-MM-DD` */
  publishedAt?: string;
  /** Breadcrumb path, outermost first, e.g. `['遴选网', '行业遴选']`. */
  category?: string[];
  /** The original publication, e.g. `人民日报 2024年09月03日 第09版`. */
  origin?: string;
  /** Page count, PDFs only. */
  pages?: number;
  topics: string[];
  /** Absolute path of the file it was imported from. */
  sourcePath?: string;
  /** Address it was downloaded from. */
  url?: string;
  /** True when the file it came from is gone; the library keeps its copy. */
  sourceMissing?: boolean;
  /** Other files or addresses where the same article was found (saved twice = one document). */
  alsoAt?: string[];
  /**
   * The same article in other forms (saved as a page and printed as a PDF, say): one document,
   * read in any of them. The document's own fields describe its first form, which search indexes.
   */
  forms?: DocumentForm[];
  /** The sync source it came from. */
  sourceId?: string;
  addedAt: number;
  updatedAt?: number;
  /** Characters of extracted text. */
  chars?: number;
  /** A PDF without a text layer (scanned pages): its text is what OCR reads of it (`ocr`). */
  scanned?: boolean;
  /** OCR of a PDF's pages without text: how many of them are read so far, of how many. */
  ocr?: OcrProgress;
  /**
   * How a web page's text was found when its article could not be told from the rest:
   * `readability` (Firefox's reader view), `page` (every visible block but links and boilerplate).
   */
  extraction?: 'readability' | 'page';
  /** Fields the user set by hand: re-import and re-sync keep them. */
  edited?: EditableField[];
  /** Where the reader was left, restored when the document is opened again. */
  position?: ReadingPosition;
  /** Part of the sample library (removable in one go). */
  sample?: boolean;
  /** Suggested topics the user turned down (never suggested again for this document). */
  rejectedTopics?: string[];
  /**
   * 推荐 tags: confident suggestions applied on import (when the library's `autoTopics` is on),
   * shown apart from the confirmed {@link topics} until the user confirms or removes them.
   */
  recommendedTopics?: string[];
  /** How far through the document the reader is, 0–1 (from {@link position}). */
  progress?: number;
}

/**
 * A place in a document: for PDFs the page and how far down it; for other documents how far down
 * the whole text (0–1).
 *
 * @example
 * const pos: ReadingPosition = { page: 120, fraction: 0.4, at: Date.now() };
 */
export interface ReadingPosition {
  /** 1-based, PDFs only. */
  page?: number;
  fraction: number;
  at: number;
}

/** One entry of a PDF's outline (bookmarks). */
export interface OutlineEntry {
  title: string;
  /** 1-based page it points to, when it points into the document. */
  page?: number;
  depth: number;
}

/**
 * `show ID`: the entry plus its text (articles, text files) or, for PDFs, `pages` as the text of
 * each page (the entry's page count moves to `pageCount`).
 */
export interface DocumentDetail extends Omit<DocumentSummary, 'pages'> {
  /** The form shown (one of `forms`), when not the document's first; `kind` is then the form's. */
  form?: string;
  /** With `form`: the kind of the document's first form (to switch back to it). */
  firstKind?: DocumentKind;
  /**
   * The library's copy of the original, relative to the library folder (`files/ab/<sha256>.pdf`):
   * the reader loads it from `yandu://library/<original>` (desktop) or `/library/<original>` (web).
   */
  original: string;
  text?: string;
  /** PDF bookmarks. */
  outline?: OutlineEntry[];
  /** Sanitized article HTML (articles from web pages): only p, h2, h3, br, blockquote, pre, lists. */
  html?: string;
  pages?: string[];
  pageCount?: number;
  /** Themes suggested from the text (the classifier, key phrases, what the user taught), best first. */
  suggestedTopics?: SuggestedTopic[];
  /** 科目 (exam subjects) the document serves, suggested apart from themes. */
  suggestedSubjects?: SuggestedTopic[];
}

/** Outcome of `add` and `sync`. */
export interface ImportReport {
  added: { id: string; path: string }[];
  updated: { id: string; path: string }[];
  unchanged: { id: string; path: string }[];
  failed: ImportFailure[];
}

/** A file or item that was not imported, and why: `error` in words, `key`/`params` for the UI's own. */
export interface ImportFailure {
  path: string;
  error: string;
  key?: string;
  params?: Record<string, string | number>;
}

/** One search hit. `ranges` index into `snippet` as `[start, end)`. */
export interface SearchHit {
  docId: string;
  title: string;
  /** 1-based page number for PDF hits. */
  page?: number;
  score: number;
  snippet: string;
  ranges: [number, number][];
}

/** One occurrence of a query in a document's text (`getDocument`'s `text`, or `pages[page − 1]`). */
export interface TextMatch {
  /** 1-based, PDFs only. */
  page?: number;
  start: number;
  end: number;
  /** A match that runs over a PDF's page break: it ends at offset `end` of page `page` (and `end` above is its page's length). */
  next?: { page: number; end: number };
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** Documents that match but were left out by a date filter only because their date is unknown. */
  undated?: number;
  /** With no hits: 提法 or topic names one character away from the query that do have hits (你是不是要找). */
  suggestions?: string[];
}

/** Facts about the open library. */
export interface LibraryInfo {
  libraryDir: string;
  schemaVersion: number;
  documents: number;
  /** Documents removed but restorable (undo). */
  trashed: number;
  version: string;
  /** The user's download folder, offered as the first watched folder. */
  downloadsDir?: string;
  /** What Yandu takes at most, in MB: one file imported, one download, one web page fetched. */
  limits?: { fileMB: number; downloadMB: number; pageMB: number };
}

/** A folder's sub-folders, for choosing a folder in the app (`browseFolders`). */
export interface FolderListing {
  path: string;
  parent?: string;
  folders: { name: string; path: string }[];
  /** Sub-folders beyond those listed. */
  more?: number;
  /** Files right in this folder that Yandu can import. */
  documents: number;
  /** Where to start: the home folder, the download folder, the file system's root. */
  places: { kind: 'home' | 'downloads' | 'root'; path: string }[];
}

/** Result of removing a document: what went, and how to bring it back. */
export interface RemoveResult {
  removed: DocumentSummary;
  /** Its highlights, which stay with it (restored with it, kept in backups). */
  highlights: number;
}

/** A file for the user to save: `content` is text, or base64 for binary formats. */
export interface ExportFile {
  filename: string;
  mime: string;
  encoding: 'utf8' | 'base64';
  content: string;
}

/** One past sync of a source. */
export interface SyncRun {
  at: number;
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: string[];
}

/** A sync source as the UI and CLI see it (no token, ever). */
export interface SourceSummary {
  id: string;
  kind: 'folder' | 'feed' | 'manifest';
  name: string;
  path?: string;
  url?: string;
  addedAt: number;
  lastSyncAt?: number;
  lastError?: string;
  /** Manifests: whether a token is stored. */
  hasToken?: boolean;
  /** Documents in the library that came from it. */
  documents: number;
  /** Newest first, at most 20. */
  history: SyncRun[];
}

/**
 * A line of text that OCR read on a scanned page, placed as pdf.js places a text PDF's items:
 * `transform` is the line's matrix in PDF user space (its baseline's left end at [4], [5]; its
 * height the font size), `width` its length along the baseline.
 */
export interface OcrItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** A document's OCR (`DocumentSummary.ocr`). */
export interface OcrProgress {
  /** Pages read so far. */
  done: number;
  /** Pages without text to read. */
  total: number;
  /**
   * `requested`: the user asked for this document (read even with automatic OCR off);
   * `cancelled`: the user stopped it (the pages read stay; it starts again only when asked).
   */
  state?: 'requested' | 'cancelled';
  /** Pages that could not be read. */
  failed?: number;
}

/** The OCR queue as a whole (`ocrStatus`, and the `ocr.progress` event). */
export interface OcrStatus {
  state: 'idle' | 'running' | 'paused';
  /** Scanned pages are read without being asked (preference `autoOcr`). */
  auto: boolean;
  /** The document being read, and its page. */
  current?: { docId: string; title: string; page: number; done: number; total: number };
  /** Documents waiting to be read, the current one included. */
  queued: number;
  /** Why reading stopped on its own (the models could not be loaded); it starts again on the next import or 继续. */
  error?: string;
}

/** Events pushed from core to every window. */
export type YanduEvent =
  /** `position`: only where the reader was left changed (no need to read the documents again). */
  | { type: 'library.changed'; ids: string[]; position?: true }
  | { type: 'highlights.changed'; docIds: string[] }
  | { type: 'topics.changed' }
  | { type: 'sources.changed' }
  | {
      type: 'sync.progress';
      done: number;
      total: number;
      current?: string;
      sourceId?: string;
      /** Bytes of the file being downloaded, when known. */
      bytes?: { received: number; total?: number };
    }
  | { type: 'sync.finished'; report: ImportReport }
  | { type: 'ocr.progress'; status: OcrStatus }
  /** From the desktop app's menu: show the shortcut sheet, or open 设置. */
  | { type: 'app.command'; command: 'shortcuts' | 'settings' };

/** Error shape on every transport: a stable code and a message for people. */
export interface YanduErrorJSON {
  code: YanduErrorCode;
  message: string;
  /** What the UI needs to say it in its own words (a file name, a limit), by name. */
  params?: Record<string, string | number>;
  /** Which sentence of `shared/error-words.ts` says it (absent: only `message` does). */
  key?: string;
}

export type YanduErrorCode =
  | 'bad-arguments'
  | 'unknown-method'
  | 'not-found'
  | 'unauthorized'
  | 'library-locked'
  | 'library-corrupt'
  | 'library-too-new'
  | 'import-failed'
  /** The user stopped it (a sync cancelled): not a failure to retry. */
  | 'cancelled'
  | 'internal';

/**
 * One exam topic of the library's taxonomy, named by its path (`基层治理/基层减负`): built-in
 * (resources/topics) or the user's own. Counts include sub-topics.
 *
 * @example
 * const t: TopicSummary = { path: '基层治理/基层减负', name: '基层减负', depth: 1, phrases: ['基层减负'], description: '…', documents: 3, highlights: 7 };
 */
export interface TopicSummary {
  path: string;
  name: string;
  /** 0 for a root. */
  depth: number;
  description?: string;
  /** Key phrases (提法) that suggest it. */
  phrases: string[];
  /** Documents tagged with it (confirmed by the user). */
  documents: number;
  /** Documents carrying it only as a 推荐 tag (applied on import, not confirmed yet). */
  recommended: number;
  highlights: number;
}

/** A topic suggested for a document, with the phrases that triggered it. */
export interface SuggestedTopic {
  /** The topic's path (its id). */
  id: string;
  name: string;
  path: string;
  score: number;
  phrases: string[];
  /**
   * Confident enough to show (and, on import, to apply as a 推荐 tag): the strongest few, each
   * over an absolute floor and close to the best.
   */
  shown?: boolean;
}

/**
 * The user's choices kept with the library.
 *
 * @example
 * const p: Preferences = { autoTopics: true, autoOcr: true, review: DEFAULT_REVIEW };
 */
export interface Preferences {
  /** Apply confident topic suggestions on import as 推荐 tags (default on). */
  autoTopics: boolean;
  /** Read scanned pages with OCR in the background (default on); off, only documents asked for are read. */
  autoOcr: boolean;
  /** 复习: the retention FSRS aims at (0.70–0.97) and how many new cards and reviews a day at most. */
  review: ReviewSettings;
}
