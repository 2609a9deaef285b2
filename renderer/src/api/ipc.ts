/**
 * IPC transport (desktop app): the preload's `window.yandu`, whose methods answer with the
 * wire's envelopes (`electron/shared/rpc.ts`).
 */
import { YanduError } from '../../../electron/shared/errors';
import { unwrap } from '../../../electron/shared/rpc';
import type { YanduEvent } from '../../../electron/shared/types';
import { proxyClient, type YanduClient } from './client';

export interface PreloadBridge {
  [method: string]: unknown;
  subscribe(listener: (event: YanduEvent) => void): () => void;
  pathForFile?(file: File): string;
}

export function createIpcClient(bridge: PreloadBridge): YanduClient {
  return proxyClient(
    async (method, args) => {
      const fn = bridge[method];
      if (typeof fn !== 'function') throw new YanduError('unknown-method', `ipc: no method ${method}`);
      return unwrap(await (fn as (a: unknown) => Promise<unknown>)(args), 'ipc');
    },
    (listener) => bridge.subscribe(listener),
    (path) => `yandu://library/${path.split('/').map(encodeURIComponent).join('/')}`,
    (file) => bridge.pathForFile?.(file) || undefined,
  );
}
