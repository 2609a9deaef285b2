/**
 * The shape of `yandu.json` at {@link SCHEMA_VERSION}, checked with zod when a library is opened
 * (after its migrations) and, in strict mode, at every write. Objects are loose: a field this
 * version does not know is kept, not dropped, so nothing the user made is lost by a check.
 *
 * @example
 * problemOf(JSON.parse(text)); // → undefined, or 'documents.3.title: expected string'
 */
import { z } from 'zod';

const num = z.number().finite();
const str = z.string();
const strings = z.array(str);

const position = z.looseObject({ page: num.optional(), fraction: num, at: num });

const document = z.looseObject({
  id: str.min(1),
  kind: z.enum(['text', 'article', 'pdf', 'docx']),
  title: str,
  topics: strings,
  addedAt: num,
  format: z.enum(['txt', 'md', 'html', 'pdf', 'docx']),
  sha256: str,
  ext: str,
  versions: z.array(z.looseObject({ sha256: str, importedAt: num, size: num })),
  pages: num.optional(),
  position: position.optional(),
  progress: num.optional(),
  recommendedTopics: strings.optional(),
  rejectedTopics: strings.optional(),
  forms: z.array(z.looseObject({ id: str, kind: str, format: str, sha256: str, ext: str })).optional(),
});

const highlight = z.looseObject({
  id: str.min(1),
  docId: str,
  color: str,
  topics: strings,
  createdAt: num,
  updatedAt: num,
  target: z.looseObject({}),
  status: str,
});

const source = z.looseObject({
  id: str.min(1),
  kind: z.enum(['folder', 'feed', 'manifest']),
  name: str,
  addedAt: num,
  history: z.array(z.looseObject({})),
  items: z.record(str, z.looseObject({ docId: str, version: str })),
});

const topic = z.looseObject({ path: str.min(1), phrases: strings });

export const libraryShape = z.looseObject({
  schemaVersion: num,
  createdAt: num,
  documents: z.array(document),
  trash: z.array(z.looseObject({ document, removedAt: num })),
  sources: z.array(source),
  highlights: z.array(highlight),
  highlightTrash: z.array(z.looseObject({ highlight, removedAt: num })),
  topics: z.array(topic).nullable(),
  topicStats: z.looseObject({ docs: num }).nullable(),
  topicFeedback: z.record(str, z.unknown()),
  taxonomyVersion: num.optional(),
  preferences: z.looseObject({ autoTopics: z.boolean().optional(), autoOcr: z.boolean().optional(), review: z.looseObject({ retention: z.number().optional(), newPerDay: z.number().optional(), reviewsPerDay: z.number().optional(), exams: z.array(z.looseObject({ topic: z.string(), date: z.string() })).optional() }).optional() }).optional(),
});

/** Where a library file breaks the layout, in one line (`documents.3.title: expected string`). */
export function problemOf(value: unknown): string | undefined {
  const result = libraryShape.safeParse(value);
  if (result.success) return undefined;
  const [first] = result.error.issues;
  return first ? `${first.path.join('.') || '(top)'}: ${first.message}` : 'invalid';
}
