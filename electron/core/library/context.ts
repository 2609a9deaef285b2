/**
 * What the library's functions work on, passed in explicitly (no globals): the store, the
 * blob store, the clock and the event sink. Tests build one over a temporary folder.
 *
 * @example
 * const ctx: CoreContext = { libraryDir, store, blobs, now: Date.now, emit: () => {}, importFile: runImporter, parallelism: 1, secrets };
 */
import type { YanduEvent } from '../../shared/types.js';
import type { Imported, ImportOptions } from '../import/types.js';
import type { BlobStore } from '../store/blobs.js';
import type { Store } from '../store/store.js';
import type { SecretStore } from '../sync/secrets.js';

export interface CoreContext {
  libraryDir: string;
  /** The library's data; changed only through it (`store.change`). */
  store: Store;
  blobs: BlobStore;
  now: () => number;
  emit: (event: YanduEvent) => void;
  /** Parses a file's bytes (in a worker thread in the app; may be in-process in tests). */
  importFile: (fileName: string, bytes: Uint8Array, options?: ImportOptions) => Promise<Imported>;
  /** How many files are parsed at once. */
  parallelism: number;
  /** Member tokens (never in yandu.json). */
  secrets: SecretStore;
  /** The app's `resources/` folder (the topic taxonomy), as the host passes it. */
  resourcesDir?: string;
}
