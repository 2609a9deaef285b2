/**
 * The Yandu API as seen from another Node process over the web host: the same {@link YanduApi}
 * type as core, so code and tests cannot tell the transports apart. Errors come back as
 * {@link YanduError}s with the server's code and message.
 *
 * @example
 * const api = createHttpClient('http://127.0.0.1:4312', token);
 * const { total } = await api.search({ query: '基层减负' });
 */
import type { YanduApi } from '../shared/contract.js';
import { httpPath, methodNames, type MethodName } from '../shared/methods.js';
import { proxy } from '../shared/rpc.js';
import { fail } from '../shared/error-words.js';

export function createHttpClient(baseUrl: string, token: string): YanduApi {
  const call = async (name: MethodName, args: unknown): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${httpPath(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(args ?? {}),
      });
    } catch (error) {
      throw fail('web.unreachable', { url: baseUrl, reason: (error as Error).message });
    }
    const body = (await response.json().catch(() => undefined)) as unknown;
    if (!response.ok && !(body && typeof body === 'object' && 'error' in body)) throw fail('web.http-status', { status: response.status });
    return body;
  };
  return proxy<YanduApi>(methodNames, (name, args) => call(name as MethodName, args), 'web');
}
