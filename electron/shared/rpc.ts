/**
 * The wire: every call between Yandu's parts — the renderer and the main process (IPC), a
 * browser or the CLI and the web host (HTTP), core and its worker threads — answers with one
 * envelope, `{ result }` or `{ error: { code, message, params? } }`. `serve` makes the envelope
 * on the answering side; `unwrap` and `proxy` read it on the calling side, so an error arrives as
 * the same {@link YanduError} (same code, same parameters) whatever carried it. Arguments are
 * checked once, by core's API, not by each transport.
 *
 * @example
 * // answering side (IPC handler, HTTP route, worker):
 * const envelope = await serve(() => api.getDocument({ id: 'd_1' }));  // → { result } | { error }
 * // calling side:
 * const api = proxy<YanduApi>(methodNames, (name, args) => ipcRenderer.invoke(`yandu:${name}`, args), 'ipc');
 * await api.getDocument({ id: 'd_gone' }); // throws YanduError { code: 'not-found', … }
 */
import { YanduError } from './errors.js';
import type { YanduErrorJSON } from './types.js';

export type Envelope<T = unknown> = { result: T; error?: undefined } | { error: YanduErrorJSON; result?: undefined };

/** Runs a handler and wraps what it gives: its result, or what it threw as a Yandu error. */
export async function serve<T>(handler: () => Promise<T> | T): Promise<Envelope<T>> {
  try {
    return { result: await handler() };
  } catch (error) {
    return { error: YanduError.from(error).toJSON() };
  }
}

/** The result an envelope carries, or its error thrown as a {@link YanduError}. `where` names the transport in a malformed reply's error. */
export function unwrap<T = unknown>(envelope: unknown, where: string): T {
  if (envelope && typeof envelope === 'object') {
    const e = envelope as Partial<Envelope<T>>;
    if (e.error) throw YanduError.from(e.error);
    if ('result' in e) return e.result as T;
  }
  throw new YanduError('internal', `${where}: the reply is not a Yandu envelope.`);
}

/** An object whose methods `names` send their call with `send` and unwrap the envelope that comes back. */
export function proxy<T>(names: readonly string[], send: (name: string, args: unknown) => Promise<unknown>, where: string): T {
  return Object.fromEntries(names.map((name) => [name, async (args: unknown) => unwrap(await send(name, args ?? {}), where)])) as T;
}
