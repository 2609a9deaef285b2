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

/** Title keys shorter than this are not compared for containment (too little to go on). */
export const MIN_TITLE_KEY = 4;
/** Longer title keys are compared with every document instead (their substrings would be many). */
const MAX_INDEXED_KEY = 200;
/**
 * Title containment is looked up by walking every document this many times between changes of
 * the library (a file or a few: quicker than building the index, ~0.2 s at 20,000 documents),
 * through the index after (an import of many: ~0.03 ms each instead of ~1.5 ms).
 */
export const WALKS_BEFORE_INDEX = 16;

/** Whether two title keys are the same or one holds the other, both long enough to say. */
const relatedKeys = (other: string, key: string): boolean => other.length >= MIN_TITLE_KEY && (other === key || other.includes(key) || key.includes(other));

/** The {@link MIN_TITLE_KEY}-character pieces of a title key. */
function gramsOf(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + MIN_TITLE_KEY <= key.length; i++) out.push(key.slice(i, i + MIN_TITLE_KEY));
  return out;
}

/** Adds a value not yet in the key's list. */
const append = <T>(map: Multi<T>, key: string | undefined, value: T): void => {
  if (!key) return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Adds a value to the key's list unless it is there. */
const add = <T>(map: Multi<T>, key: string | undefined, value: T): void => {
  if (key && !map.get(key)?.includes(value)) append(map, key, value);
};

/** What each map is keyed by: a document's keys for it. */
const KEYS = {
  id: (d: DocumentRecord) => [d.id],
  sha: (d: DocumentRecord) => [d.sha256],
  source: (d: DocumentRecord) => [d.url, d.sourcePath],
  formSha: (d: DocumentRecord) => (d.forms ?? []).map((f) => f.sha256),
  formSource: (d: DocumentRecord) => (d.forms ?? []).flatMap((f) => [f.url, f.sourcePath]),
  // A normalization each: built only when an import asks for twins or other forms.
  title: (d: DocumentRecord) => [recordTitleKey(d)],
  titleGram: (d: DocumentRecord) => gramsOf(recordTitleKey(d)),
} satisfies Record<string, (d: DocumentRecord) => (string | undefined)[]>;

type MapName = keyof typeof KEYS;

export class DocumentLookup {
  private revision = -1;
  private live = new Set<DocumentRecord>();
  /** The maps built since the last rebuild (each on its first use: a lookup by id builds only that). */
  private maps = new Map<MapName, Multi<DocumentRecord>>();
  private positions: Map<DocumentRecord, number> | undefined;
  /** Title containment lookups answered by a walk since the last rebuild. */
  private walks = 0;

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

  /**
   * The documents whose title key is `key`, holds it or is held in it (each at least
   * {@link MIN_TITLE_KEY} characters) and that are `worth` comparing (asked first: a cheap test), in
   * library order: an import's candidates for another form of the same article.
   */
  withRelatedTitle(key: string, worth: (d: DocumentRecord) => boolean = () => true): DocumentRecord[] {
    if (key.length < MIN_TITLE_KEY) return [];
    this.sync();
    if (key.length > MAX_INDEXED_KEY || (!this.maps.has('titleGram') && ++this.walks <= WALKS_BEFORE_INDEX)) return this.walkRelated(key, worth);
    return this.indexedRelated(key, worth);
  }

  /** {@link withRelatedTitle} by comparing with every document. */
  private walkRelated(key: string, worth: (d: DocumentRecord) => boolean): DocumentRecord[] {
    const out: DocumentRecord[] = [];
    for (const d of this.live) if (worth(d) && relatedKeys(recordTitleKey(d), key)) out.push(d);
    return out;
  }

  /** {@link withRelatedTitle} through the title maps: a document's key is one of the key's substrings, or holds the key's rarest piece. */
  private indexedRelated(key: string, worth: (d: DocumentRecord) => boolean): DocumentRecord[] {
    // Built once per revision: asked of the maps directly, so that this loop does not carry their building.
    const titles = this.maps.get('title') ?? this.map('title');
    const found = new Set<DocumentRecord>();
    for (let i = 0; i + MIN_TITLE_KEY <= key.length; i++) for (let j = i + MIN_TITLE_KEY; j <= key.length; j++) for (const d of titles.get(key.slice(i, j)) ?? []) found.add(d);
    const grams = this.maps.get('titleGram') ?? this.map('titleGram');
    let rarest: DocumentRecord[] = [];
    let fewest = Infinity;
    for (const g of gramsOf(key)) {
      const list = grams.get(g) ?? [];
      if (list.length < fewest) {
        rarest = list;
        fewest = list.length;
      }
    }
    for (const d of rarest) found.add(d);
    const order = this.order();
    const out: DocumentRecord[] = [];
    for (const d of found) if (this.live.has(d) && worth(d) && relatedKeys(recordTitleKey(d), key)) out.push(d);
    return out.sort((a, b) => order.get(a)! - order.get(b)!);
  }

  /** After a staged change that only added `doc` or changed it (`before`: the store's revision before it), index it. */
  placed(doc: DocumentRecord, before: number): void {
    if (this.revision !== before) return; // something else changed too: built again on the next lookup
    const fresh = !this.live.has(doc);
    if (fresh) {
      this.live.add(doc);
      this.positions?.set(doc, this.positions.size);
    }
    // A new document is in no list yet: appended without looking for it (a title piece's list can be long).
    for (const [name, map] of this.maps) for (const key of new Set(KEYS[name](doc))) (fresh ? append : add)(map, key, doc);
    this.revision = this.store.revision;
  }

  /** Each live document's place in the library's order (built on first use). */
  private order(): Map<DocumentRecord, number> {
    this.positions ??= new Map([...this.live].map((d, i) => [d, i]));
    return this.positions;
  }

  private find(name: MapName, key: string, still: (d: DocumentRecord) => boolean): DocumentRecord | undefined {
    return this.map(name).get(key)?.find((d) => this.live.has(d) && still(d));
  }

  /** Starts again from the store's documents if it changed since. */
  private sync(): void {
    if (this.revision === this.store.revision) return;
    this.live = new Set(this.store.data.documents);
    this.positions = undefined;
    this.walks = 0;
    this.maps = new Map();
    this.revision = this.store.revision;
  }

  /** One map, built now if the store changed since (or it was never asked for). */
  private map(name: MapName): Multi<DocumentRecord> {
    this.sync();
    let map = this.maps.get(name);
    if (!map) {
      map = new Map();
      const keysOf = KEYS[name];
      // Each document once, each of its keys once: appended without looking for it first.
      for (const doc of this.live) for (const key of new Set(keysOf(doc))) append(map, key, doc);
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
