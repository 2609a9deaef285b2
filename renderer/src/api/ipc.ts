/**
 * IPC transport (desktop app): the preload's `window.yandu`, whose methods answer with
 * `{ result }` or `{ error }` envelopes.
 */
import type { YanduEvent, YanduErrorJSON } from '../../../electron/shared/types';
import { ApiError, proxyClient, type YanduClient } from './client';

export interface PreloadBridge {
  [method: string]: unknown;
  subscribe(listener: (event: YanduEvent) => void): () => void;
  pathForFile?(file: File): string;
}

export function createIpcClient(bridge: PreloadBridge): YanduClient {
  return proxyClient(
    async (method, args) => {
      const fn = bridge[method];
      if (typeof fn !== 'function') throw new ApiError({ code: 'unknown-method', message: `ipc: no method ${method}` });
      const envelope = (await (fn as (a: unknown) => Promise<{ result?: unknown; error?: YanduErrorJSON }>)(args)) ?? {};
      if (envelope.error) throw new ApiError(envelope.error);
      return envelope.result;
    },
    (listener) => bridge.subscribe(listener),
    (path) => `yandu://library/${path.split('/').map(encodeURIComponent).join('/')}`,
    (file) => bridge.pathForFile?.(file) || undefined,
  );
}
