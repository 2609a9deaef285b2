/**
 * The error every layer throws and every transport carries: a stable `code` for programs, a
 * `message` for people that says which module, what went wrong and what to do, and — for errors
 * made by `fail` (`error-words.ts`) — the `key` and `params` the UI words it from.
 *
 * @example
 * throw new YanduError('not-found', 'library: no document d_42; it may have been removed.');
 * // over HTTP: 404 { "error": { "code": "not-found", "message": "library: no document d_42; …" } }
 */
import type { ImportFailure, YanduErrorCode, YanduErrorJSON } from './types.js';

export class YanduError extends Error {
  readonly code: YanduErrorCode;
  readonly params?: Record<string, string | number>;
  readonly key?: string;

  constructor(code: YanduErrorCode, message: string, params?: Record<string, string | number>, key?: string) {
    super(message);
    this.name = 'YanduError';
    this.code = code;
    if (params && Object.keys(params).length) this.params = params;
    if (key) this.key = key;
  }

  toJSON(): YanduErrorJSON {
    return { code: this.code, message: this.message, ...(this.params ? { params: this.params } : {}), ...(this.key ? { key: this.key } : {}) };
  }

  /** Rebuilds an error received over a transport; anything unknown becomes `internal`. */
  static from(value: unknown): YanduError {
    if (value instanceof YanduError) return value;
    if (value && typeof value === 'object' && 'code' in value && 'message' in value) {
      const { code, message, params, key } = value as YanduErrorJSON;
      if (typeof code === 'string' && typeof message === 'string')
        return new YanduError(code, message, params && typeof params === 'object' ? params : undefined, typeof key === 'string' ? key : undefined);
    }
    return new YanduError('internal', value instanceof Error ? value.message : String(value));
  }
}

/**
 * An import report's line for `path` that failed with `error`: its message (prefixed with
 * `module:`, when given, unless it starts so), and the key and params that word it, when it has them.
 */
export function failureOf(path: string, error: unknown, module?: string): ImportFailure {
  const e = YanduError.from(error);
  const message = !module || e.message.startsWith(`${module}:`) ? e.message : `${module}: ${e.message}`;
  return { path, error: message, ...(e.key ? { key: e.key } : {}), ...(e.params ? { params: e.params } : {}) };
}

/** HTTP status for each error code (web host). */
export const httpStatusOf: Record<YanduErrorCode, number> = {
  'bad-arguments': 400,
  'unknown-method': 404,
  'not-found': 404,
  unauthorized: 401,
  'library-locked': 409,
  'library-corrupt': 500,
  'library-too-new': 500,
  'import-failed': 422,
  cancelled: 409,
  internal: 500,
};
