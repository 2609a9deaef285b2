/**
 * Picks the transport once, at start: the desktop preload's bridge when present, HTTP otherwise.
 * No other part of the UI knows which one it got.
 */
import type { YanduClient } from './client';
import { createHttpClient, readToken } from './http';
import { createIpcClient, type PreloadBridge } from './ipc';

export type { YanduClient } from './client';
export { YanduError } from '../../../electron/shared/errors';

export function createClient(): YanduClient {
  const bridge = (window as unknown as { yandu?: PreloadBridge }).yandu;
  return bridge ? createIpcClient(bridge) : createHttpClient(readToken());
}
