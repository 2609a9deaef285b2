/**
 * What the UI talks to: the contract's methods plus event subscription. Two transports implement
 * it (IPC in the desktop app, HTTP in web mode); `index.ts` picks one, once.
 *
 * @example
 * const docs = await client.listDocuments({});
 * const off = client.subscribe((e) => { if (e.type === 'library.changed') reload(); });
 */
import type { YanduApi } from '../../../electron/shared/contract';
import type { YanduEvent } from '../../../electron/shared/types';

export type YanduClient = YanduApi & {
  subscribe(listener: (event: YanduEvent) => void): () => void;
  /**
   * Address of a file of the library (`DocumentDetail.original`): the desktop app's
   * `yandu://library/…`, or the web host's `/library/…` with the run's token.
   */
  fileUrl(path: string): string;
  /** The path of a dropped or picked file, in the desktop app only (browsers never tell). */
  pathOf(file: File): string | undefined;
};

/** Builds the method object from a single `call` function (a typed proxy, no name lists). */
export function proxyClient(
  call: (method: string, args: unknown) => Promise<unknown>,
  subscribe: YanduClient['subscribe'],
  fileUrl: YanduClient['fileUrl'],
  pathOf: YanduClient['pathOf'] = () => undefined,
): YanduClient {
  const local = { subscribe, fileUrl, pathOf };
  return new Proxy(local as YanduClient, {
    get(_target, prop) {
      if (prop in local) return local[prop as keyof typeof local];
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      return (args: unknown) => call(prop, args ?? {});
    },
  });
}
