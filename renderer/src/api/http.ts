/**
 * HTTP transport (web mode and browser tests): POST /api/<method> with the run's token, and an
 * EventSource on /api/events. The token comes from the page URL (`?token=`) and is kept for the
 * tab's session, then removed from the address bar.
 */
import type { YanduEvent } from '../../../electron/shared/types';
import { YanduError } from '../../../electron/shared/errors';
import { unwrap } from '../../../electron/shared/rpc';
import { proxyClient, type YanduClient } from './client';

export function readToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('yandu.token', fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem('yandu.token') ?? '';
}

export function createHttpClient(token: string): YanduClient {
  const listeners = new Set<(event: YanduEvent) => void>();
  let source: EventSource | undefined;
  const ensureStream = (): void => {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as YanduEvent;
      for (const listener of listeners) listener(event);
    };
  };
  return proxyClient(
    async (method, args) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(args),
      });
      const body = (await response.json().catch(() => undefined)) as unknown;
      if (!response.ok && !(body && typeof body === 'object' && 'error' in body)) throw new YanduError('internal', `web: HTTP ${response.status}`);
      return unwrap(body, 'web');
    },
    (listener) => {
      listeners.add(listener);
      ensureStream();
      return () => listeners.delete(listener);
    },
    (path) => `/library/${path.split('/').map(encodeURIComponent).join('/')}?token=${encodeURIComponent(token)}`,
  );
}
