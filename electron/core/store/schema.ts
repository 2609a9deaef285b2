/**
 * The layout of `yandu.json` and its migrations. Every change of layout bumps
 * {@link SCHEMA_VERSION} and adds one step to {@link migrations}; opening an older file backs it
 * up first, then runs the steps in order.
 *
 * @example
 * const data = migrate(JSON.parse(oldText)); // → LibraryData at SCHEMA_VERSION
 */
import type { DocumentForm, DocumentSummary, Highlight, Preferences, SourceSummary, SyncRun } from '../../shared/types.js';
import type { PhraseStats } from '../topics/evidence.js';
import type { Feedback } from '../topics/suggest.js';
import type { TopicRecord } from '../topics/taxonomy.js';

export const SCHEMA_VERSION = 5;

/** Which importer read a file. */
export type SourceFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

/** One imported version of a document's bytes. */
export interface VersionRecord {
  sha256: string;
  importedAt: number;
  size: number;
}

/** Another form of a document (`DocumentSummary.forms`), with what the store needs of it. */
export interface FormRecord extends DocumentForm {
  format: SourceFormat;
  sha256: string;
  ext: string;
}

/** A document as stored: the public summary plus what the store needs. */
export interface DocumentRecord extends Omit<DocumentSummary, 'forms'> {
  forms?: FormRecord[];
  /** The importers' `TEXT_VERSION` its text was read with (absent: before versions were kept). */
  textVersion?: number;
  format: SourceFormat;
  /** The sync source it came from, if any. */
  sourceId?: string;
  /** sha256 of the current original, which lives in `files/`. */
  sha256: string;
  /** File extension of the original, e.g. `.md`. */
  ext: string;
  versions: VersionRecord[];
}

export interface TrashRecord {
  document: DocumentRecord;
  removedAt: number;
}

/** What one sync of a source did, for its history (the same shape the API shows). */
export type SyncRunRecord = SyncRun;

/**
 * A place documents come from (a watched folder, a feed or a member manifest): what the API shows
 * of it, plus what sync keeps to be incremental.
 */
export type SourceRecord = Omit<SourceSummary, 'hasToken' | 'documents'> & {
  /** HTTP validators of the last fetch (conditional requests). */
  etag?: string;
  lastModified?: string;
  /** Feed and manifest items seen: item key → the document and the version imported. */
  items: Record<string, { docId: string; version: string }>;
};

export interface LibraryData {
  schemaVersion: number;
  createdAt: number;
  documents: DocumentRecord[];
  /** Removed documents, restorable until the trash is emptied (undo). */
  trash: TrashRecord[];
  sources: SourceRecord[];
  /** The user's highlights and notes: never dropped by any change of a document. */
  highlights: Highlight[];
  /** Highlights the user deleted, restorable (undo). */
  highlightTrash: { highlight: Highlight; removedAt: number }[];
  /** The exam topics (seeded from the built-in taxonomy when null). */
  topics: TopicRecord[] | null;
  /** Documents and per-phrase document counts for topic suggestions (recounted when null or stale). */
  topicStats: PhraseStats | null;
  /** What the user accepted and rejected, per topic: the suggestions learn from it. */
  topicFeedback: Feedback;
  /** The built-in taxonomy version the library's topics were brought up to (absent: 1). */
  taxonomyVersion?: number;
  /** The user's choices for the library (absent: defaults). */
  preferences?: Partial<Preferences>;
}

export function emptyLibrary(now: number): LibraryData {
  return { schemaVersion: SCHEMA_VERSION, createdAt: now, documents: [], trash: [], sources: [], highlights: [], highlightTrash: [], topics: null, topicStats: null, topicFeedback: {} };
}

type Raw = Record<string, unknown>;

/**
 * Steps from version N (the key) to N + 1.
 * v1 was the first layout: documents without `topics`, `versions` or a trash.
 */
export const migrations: Record<number, (data: Raw) => Raw> = {
  1: (data) => {
    const documents = (Array.isArray(data.documents) ? data.documents : []) as Raw[];
    return {
      ...data,
      schemaVersion: 2,
      documents: documents.map((doc) => ({
        ...doc,
        topics: Array.isArray(doc.topics) ? doc.topics : [],
        versions: Array.isArray(doc.versions)
          ? doc.versions
          : [{ sha256: doc.sha256, importedAt: doc.addedAt, size: typeof doc.size === 'number' ? doc.size : 0 }],
      })),
      trash: [],
    };
  },
  /** v3 adds sync sources (folders, feeds, manifests). */
  2: (data) => ({ ...data, schemaVersion: 3, sources: Array.isArray(data.sources) ? data.sources : [] }),
  /** v4 adds highlights and notes, and their trash. */
  3: (data) => ({
    ...data,
    schemaVersion: 4,
    highlights: Array.isArray(data.highlights) ? data.highlights : [],
    highlightTrash: Array.isArray(data.highlightTrash) ? data.highlightTrash : [],
  }),
  /** v5 adds exam topics (seeded on first use), phrase statistics and what the user taught. */
  4: (data) => ({ ...data, schemaVersion: 5, topics: data.topics ?? null, topicStats: null, topicFeedback: data.topicFeedback ?? {} }),
};

/** Runs every step from the data's version up to {@link SCHEMA_VERSION}. */
export function migrate(data: Raw): LibraryData {
  let current = data;
  let version = Number(current.schemaVersion ?? 1);
  while (version < SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) throw new Error(`store: no migration from schema version ${version}`);
    current = step(current);
    version = Number(current.schemaVersion);
  }
  return current as unknown as LibraryData;
}

/** A light shape check: enough to refuse a file that is not a Yandu library. */
export function looksLikeLibrary(value: unknown): value is Raw {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const raw = value as Raw;
  return typeof raw.schemaVersion === 'number' && Array.isArray(raw.documents);
}
