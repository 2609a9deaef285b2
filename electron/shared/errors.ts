/**
 * The error every layer throws and every transport carries: a stable `code` for programs and a
 * `message` for people that says which module, what went wrong and what to do.
 *
 * @example
 * throw new YanduError('not-found', 'library: no document d_42; it may have been removed.');
 * // over HTTP: 404 { "error": { "code": "not-found", "message": "library: no document d_42; …" } }
 */
import type { YanduErrorCode, YanduErrorJSON } from './types.js';

export class YanduError extends Error {
  readonly code: YanduErrorCode;
  readonly params?: Record<string, string | number>;

  constructor(code: YanduErrorCode, message: string, params?: Record<string, string | number>) {
    super(message);
    this.name = 'YanduError';
    this.code = code;
    if (params) this.params = params;
  }

  toJSON(): YanduErrorJSON {
    return { code: this.code, message: this.message, ...(this.params ? { params: this.params } : {}) };
  }

  /** Rebuilds an error received over a transport; anything unknown becomes `internal`. */
  static from(value: unknown): YanduError {
    if (value instanceof YanduError) return value;
    if (value && typeof value === 'object' && 'code' in value && 'message' in value) {
      const { code, message, params } = value as YanduErrorJSON;
      if (typeof code === 'string' && typeof message === 'string') return new YanduError(code, message, params && typeof params === 'object' ? params : undefined);
    }
    return new YanduError('internal', value instanceof Error ? value.message : String(value));
  }
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
