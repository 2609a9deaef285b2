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

/** What each map is keyed by: a document's keys for it. */
const KEYS = {
  id: (d: DocumentRecord) => [d.id],
  sha: (d: DocumentRecord) => [d.sha256],
  source: (d: DocumentRecord) => [d.url, d.sourcePath],
  formSha: (d: DocumentRecord) => (d.forms ?? []).map((f) => f.sha256),
  formSource: (d: DocumentRecord) => (d.forms ?? []).flatMap((f) => [f.url, f.sourcePath]),
  // A normalization each: built only when an import asks for twins.
  title: (d: DocumentRecord) => [recordTitleKey(d)],
} satisfies Record<string, (d: DocumentRecord) => (string | undefined)[]>;

type MapName = keyof typeof KEYS;

export class DocumentLookup {
  private revision = -1;
  private live = new Set<DocumentRecord>();
  /** The maps built since the last rebuild (each on its first use: a lookup by id builds only that). */
  private maps = new Map<MapName, Multi<DocumentRecord>>();

  constructor(private readonly store: Store) {}

  /** The document with this id. */
  byId(id: string): DocumentRecord | undefined {
    return this.find('id', id, (d) => d.id === id);
  }

  /** The document with these bytes as its own. */
  bySha(sha256: string): DocumentRecord | undefined {
    return this.find('sha', sha256, (d) => d.sha256 === sha256);
  }

  /** The document with these bytes as one of its other forms. */
  byFormSha(sha256: string): DocumentRecord | undefined {
    return this.find('formSha', sha256, (d) => Boolean(d.forms?.some((f) => f.sha256 === sha256)));
  }

  /** The document imported from this address (`url`) or file (`path`). */
  bySource(place: { url?: string; path: string }): DocumentRecord | undefined {
    return place.url ? this.find('source', place.url, (d) => d.url === place.url) : this.find('source', place.path, (d) => d.sourcePath === place.path);
  }

  /** The document that has this address or file as one of its other forms, with that form. */
  formHolder(place: { url?: string; path: string }): { doc: DocumentRecord; form: FormRecord } | undefined {
    const match = (f: FormRecord): boolean => (place.url ? f.url === place.url : f.sourcePath === place.path);
    const doc = this.find('formSource', place.url ?? place.path, (d) => Boolean(d.forms?.some(match)));
    const form = doc?.forms?.find(match);
    return doc && form ? { doc, form } : undefined;
  }

  /** The documents whose title has this key (`titleKey`). */
  withTitle(key: string): DocumentRecord[] {
    return (this.map('title').get(key) ?? []).filter((d) => this.live.has(d) && recordTitleKey(d) === key);
  }

  /** After a staged change that only added `doc` or changed it (`before`: the store's revision before it), index it. */
  placed(doc: DocumentRecord, before: number): void {
    if (this.revision !== before) return; // something else changed too: built again on the next lookup
    this.live.add(doc);
    for (const [name, map] of this.maps) for (const key of KEYS[name](doc)) add(map, key, doc);
    this.revision = this.store.revision;
  }

  private find(name: MapName, key: string, still: (d: DocumentRecord) => boolean): DocumentRecord | undefined {
    return this.map(name).get(key)?.find((d) => this.live.has(d) && still(d));
  }

  /** One map, built now if the store changed since (or it was never asked for). */
  private map(name: MapName): Multi<DocumentRecord> {
    if (this.revision !== this.store.revision) {
      this.live = new Set(this.store.data.documents);
      this.maps = new Map();
      this.revision = this.store.revision;
    }
    let map = this.maps.get(name);
    if (!map) {
      map = new Map();
      const keysOf = KEYS[name];
      for (const doc of this.live) for (const key of keysOf(doc)) add(map, key, doc);
      this.maps.set(name, map);
    }
    return map;
  }
}

const lookups = new WeakMap<Store, DocumentLookup>();

/** The library's lookup (one per open store). */
export function lookupOf(ctx: CoreContext): DocumentLookup {
  let lookup = lookups.get(ctx.store);
  if (!lookup) lookups.set(ctx.store, (lookup = new DocumentLookup(ctx.store)));
  return lookup;
}
