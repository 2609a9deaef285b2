/**
 * Core's API as every host sees it: each method checks its arguments against the shared contract
 * (a `bad-arguments` error names what is wrong) before its handler runs — the one place they are
 * checked, whatever transport brought them.
 *
 * @example
 * const api = checkedApi({ getDocument: async ({ id }) => find(id) });
 * await api.getDocument({ id: 42 }); // throws YanduError { code: 'bad-arguments' }
 */
import { parseArgs, type ApiResult, type YanduApi } from '../shared/contract.js';
import { methodNames, type MethodName } from '../shared/methods.js';

export type Handlers = { [M in MethodName]: (args: ReturnType<typeof parseArgs<M>>) => Promise<ApiResult<M>> };

/** Wraps handlers (all of them in core; some in tests) with the contract's argument check. */
export function checkedApi(impl: Partial<Handlers>): YanduApi {
  return Object.fromEntries(
    methodNames.filter((name) => impl[name]).map((name) => [name, async (raw: unknown) => (impl[name] as (args: unknown) => Promise<unknown>)(parseArgs(name, raw))]),
  ) as YanduApi;
}
