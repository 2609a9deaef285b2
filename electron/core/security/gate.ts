/**
 * The desktop app's gates, as plain functions so that they are tested without Electron (the
 * main process only wires them): which addresses the window may navigate to or open, and whether
 * an IPC call is answered — only from the app's own top frame, only with arguments the contract
 * accepts.
 *
 * @example
 * navigationDecision('yandu://app/index.html#/search', 'yandu://app');  // → 'allow'
 * navigationDecision('https://www.gov.cn/', 'yandu://app');           // → 'external'
 * navigationDecision('javascript:alert(1)', 'yandu://app');           // → 'deny'
 * await gateCall(api, 'getDocument', { id: 'd_1' }, { url: 'yandu://app/index.html', top: true }, 'yandu://app');
 */
import type { YanduApi } from '../../shared/contract.js';
import type { MethodName } from '../../shared/methods.js';
import { serve, type Envelope } from '../../shared/rpc.js';
import { fail } from '../../shared/error-words.js';

const within = (url: string, origin: string): boolean => url === origin || url.startsWith(`${origin}/`);

/** What to do with a navigation or a new window: stay in the app, hand to the browser, or refuse. */
export function navigationDecision(url: string, appOrigin: string, devUrl?: string): 'allow' | 'external' | 'deny' {
  if (within(url, appOrigin) || (devUrl && within(url, devUrl.replace(/\/$/, '')))) return 'allow';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'deny';
  }
  // Only ordinary web addresses go to the system browser; never credentials in the address.
  if ((parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password && parsed.hostname) return 'external';
  return 'deny';
}

/**
 * Answers one IPC call as an envelope (`rpc.ts`): refused for a foreign frame; otherwise core's
 * API answers (and checks the arguments against the contract).
 */
export function gateCall(api: YanduApi, name: MethodName, raw: unknown, sender: { url: string | undefined; top: boolean }, appOrigin: string): Promise<Envelope> {
  return serve(() => {
    if (!sender.top || !sender.url || !within(sender.url, appOrigin)) throw fail('ipc.refused', { name, url: `${sender.url ?? 'an unknown frame'}${sender.top ? '' : ' (a sub-frame)'}` });
    if (typeof api[name] !== 'function') throw fail('ipc.no-method', { name });
    return (api[name] as (a: unknown) => Promise<unknown>)(raw ?? {});
  });
}
