/**
 * Finding a document by what an import knows of a file — its bytes (sha256), where it came from
 * (path or address), its title — without walking every document: each import looked through all
 * of them several times, which made importing into a 20,000-document library several times slower
 * than into an empty one. The maps are built from the store's documents and stay valid while the
 * store's `revision` is the one they were built at; an import that places a document indexes it
 * itself (`placed`), any other change of documents has them built again on the next lookup.
 * Every hit is checked against the record as it is now.
 *
 * @example
 * const lookup = lookupOf(ctx);
 * lookup.bySha('ab…');                   // → the document with these bytes, if any
 * const before = ctx.store.revision;
 * ctx.store.stage((d) => d.documents.push(doc));
 * lookup.placed(doc, before);            // indexed without a rebuild
 */
import type { DocumentRecord, FormRecord } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { CoreContext } from './context.js';
import { recordTitleKey } from './similar.js';

type Multi<T> = Map<string, T[]>;

const add = <T>(map: Multi<T>, key: string | undefined, value: T): void => {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
};

export class DocumentLookup {
  private revision = -1;
  private readonly live = new Set<DocumentRecord>();
  private readonly sha: Multi<DocumentRecord> = new Map();
  private readonly formSha: Multi<DocumentRecord> = new Map();
  private readonly source: Multi<DocumentRecord> = new Map();
  private readonly formSource: Multi<DocumentRecord> = new Map();
  private readonly title: Multi<DocumentRecord> = new Map();

  constructor(private readonly store: Store) {}

  /** The document with these bytes as its own. */
  bySha(sha256: string): DocumentRecord | undefined {
    return this.find(this.sha, sha256, (d) => d.sha256 === sha256);
  }

  /** The document with these bytes as one of its other forms. */
  byFormSha(sha256: string): DocumentRecord | undefined {
    return this.find(this.formSha, sha256, (d) => Boolean(d.forms?.some((f) => f.sha256 === sha256)));
  }

  /** The document imported from this address (`url`) or file (`path`). */
  bySource(place: { url?: string; path: string }): DocumentRecord | undefined {
    return place.url ? this.find(this.source, place.url, (d) => d.url === place.url) : this.find(this.source, place.path, (d) => d.sourcePath === place.path);
  }

  /** The document that has this address or file as one of its other forms, with that form. */
  formHolder(place: { url?: string; path: string }): { doc: DocumentRecord; form: FormRecord } | undefined {
    const match = (f: FormRecord): boolean => (place.url ? f.url === place.url : f.sourcePath === place.path);
    const doc = this.find(this.formSource, place.url ?? place.path, (d) => Boolean(d.forms?.some(match)));
    const form = doc?.forms?.find(match);
    return doc && form ? { doc, form } : undefined;
  }

  /** The documents whose title has this key (`titleKey`). */
  withTitle(key: string): DocumentRecord[] {
    this.fresh();
    return (this.title.get(key) ?? []).filter((d) => this.live.has(d) && recordTitleKey(d) === key);
  }

  /** After a staged change that only added `doc` or changed it (`before`: the store's revision before it), index it. */
  placed(doc: DocumentRecord, before: number): void {
    if (this.revision !== before) return; // something else changed too: built again on the next lookup
    this.index(doc);
    this.revision = this.store.revision;
  }

  private find(map: Multi<DocumentRecord>, key: string, still: (d: DocumentRecord) => boolean): DocumentRecord | undefined {
    this.fresh();
    return map.get(key)?.find((d) => this.live.has(d) && still(d));
  }

  private fresh(): void {
    if (this.revision === this.store.revision) return;
    // Cleared in place: a lookup may hold one of these maps already.
    for (const map of [this.live, this.sha, this.formSha, this.source, this.formSource, this.title]) map.clear();
    for (const doc of this.store.data.documents) this.index(doc);
    this.revision = this.store.revision;
  }

  private index(doc: DocumentRecord): void {
    this.live.add(doc);
    add(this.sha, doc.sha256, doc);
    add(this.source, doc.url, doc);
    add(this.source, doc.sourcePath, doc);
    add(this.title, recordTitleKey(doc), doc);
    for (const form of doc.forms ?? []) {
      add(this.formSha, form.sha256, doc);
      add(this.formSource, form.url, doc);
      add(this.formSource, form.sourcePath, doc);
    }
  }
}

const lookups = new WeakMap<Store, DocumentLookup>();

/** The library's lookup (one per open store). */
export function lookupOf(ctx: CoreContext): DocumentLookup {
  let lookup = lookups.get(ctx.store);
  if (!lookup) lookups.set(ctx.store, (lookup = new DocumentLookup(ctx.store)));
  return lookup;
}
