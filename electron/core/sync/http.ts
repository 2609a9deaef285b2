/**
 * HTTP for sync: requests with a timeout, retries with exponential backoff on 5xx, timeouts and
 * dropped connections, a clear error on 4xx (401/403 say the token was rejected), and downloads
 * that resume with `Range` after a dropped connection, are checked against sha256 and size, and
 * only then move into place — a bad download never replaces a good file.
 *
 * Bounded, whatever the server does: an idle timeout between chunks and an overall deadline per
 * request ({@link HttpOptions.deadlineMs}: a server dripping a byte every few seconds is cut
 * off), a byte cap counted while reading (never trusted from headers), at most
 * {@link MAX_REDIRECTS} redirects and only within the address's own origin (scheme, host, port;
 * http → https on the same host is allowed), and a resume only with `If-Range` and the validator
 * saved beside the part file (a part whose file may have changed starts over).
 *
 * @example
 * const page = await fetchBytes('https://example.org/a.html', { timeoutMs: 15_000 });
 * await downloadFile('https://example.org/a.pdf', '/lib/downloads/a.pdf', { sha256: 'ab…' });
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { YanduError } from '../../shared/errors.js';
import { fail, type ErrorKey, type ErrorParams } from '../../shared/error-words.js';

export interface HttpOptions {
  headers?: Record<string, string>;
  /** Per attempt, until the response headers arrive and between body chunks. Default 20 s. */
  timeoutMs?: number;
  /** Per attempt, for the whole response. Default 2 min (fetches), 30 min (downloads). */
  deadlineMs?: number;
  /** Refused past this many bytes of body. Default 64 MB (fetches), 512 MB (downloads). */
  maxBytes?: number;
  /** Attempts after the first. Default 3. */
  retries?: number;
  /** First backoff delay; doubles each time. Default 500 ms. */
  backoffMs?: number;
  signal?: AbortSignal;
}

export interface Fetched {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

/** An HTTP failure that retrying will not fix. */
export class HttpError extends YanduError {
  constructor(
    readonly status: number,
    key: ErrorKey,
    params: ErrorParams,
  ) {
    const { message } = fail(key, params);
    super(status === 401 || status === 403 ? 'unauthorized' : 'import-failed', message, params, key);
  }
}

/** Redirects followed at most, each within the address's own origin. */
export const MAX_REDIRECTS = 5;
const FETCH_DEADLINE_MS = 2 * 60_000;
const DOWNLOAD_DEADLINE_MS = 30 * 60_000;
export const MAX_FETCH_BYTES = 64 * 2 ** 20;
export const MAX_DOWNLOAD_BYTES = 512 * 2 ** 20;

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(fail('sync.cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** The address without query and credentials, safe to show in messages. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid address)';
  }
}

function statusError(status: number, url: string): HttpError {
  if (status === 401 || status === 403)
    return new HttpError(status, 'sync.token-rejected', { host: new URL(url).host, status });
  if (status === 404 || status === 410) return new HttpError(status, 'sync.gone', { url: displayUrl(url), status });
  return new HttpError(status, 'sync.http-status', { url: displayUrl(url), status });
}

const retriable = (error: unknown): boolean => !(error instanceof HttpError) && !(error instanceof YanduError && error.code === 'cancelled');

/** Runs `attempt` with retries and backoff; 4xx (HttpError) and cancellation are not retried. */
export async function withRetries<T>(url: string, options: HttpOptions, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const retries = options.retries ?? 3;
  let delay = options.backoffMs ?? 500;
  for (let i = 0; ; i++) {
    if (options.signal?.aborted) throw fail('sync.cancelled');
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    options.signal?.addEventListener('abort', onAbort);
    try {
      return await attempt(controller.signal);
    } catch (error) {
      if (options.signal?.aborted) throw fail('sync.cancelled');
      if (!retriable(error) || i >= retries) throw toSyncError(error, url);
      await sleep(delay, options.signal);
      delay *= 2;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** What stopped a request that took too long: no byte for a while (`idle`), or too long in all (`deadline`). */
class TimeoutError extends Error {
  constructor(
    readonly kind: 'idle' | 'deadline',
    message: string,
  ) {
    super(message);
  }
}

/** Node's own timeouts (undici's error codes, on the error or its cause). */
const UNDICI_TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const codeOf = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
};

function toSyncError(error: unknown, url: string): YanduError {
  if (error instanceof YanduError) return error;
  const message = (error as Error).message;
  if (error instanceof TimeoutError && error.kind === 'deadline') return fail('sync.deadline', { url: displayUrl(url), reason: message });
  if (error instanceof TimeoutError || UNDICI_TIMEOUTS.has(codeOf(error) ?? '')) return fail('sync.no-answer', { url: displayUrl(url) });
  return fail('sync.download-failed', { url: displayUrl(url), reason: message });
}

/** The idle timeout or deadline that aborted `controller`, when one did (it says more than the abort), else `error`. */
function timeoutOr(controller: AbortController, error: unknown): unknown {
  const reason: unknown = controller.signal.reason;
  return reason instanceof TimeoutError ? reason : error;
}

/** A timer that aborts `controller` unless `touch()` is called within `ms`. */
function idleTimer(controller: AbortController, ms: number): { touch(): void; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  const touch = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new TimeoutError('idle', `timed out after ${ms} ms`)), ms);
  };
  touch();
  return { touch, stop: () => clearTimeout(timer) };
}

/** Same origin, or the same host moving from http to https. */
const sameOrigin = (from: URL, to: URL): boolean => from.origin === to.origin || (from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname);

/**
 * One GET, redirects followed by hand ({@link MAX_REDIRECTS}, same origin only), with the idle
 * timer and the overall deadline running; `stop()` clears both and the listener on `signal`.
 */
async function request(url: string, headers: Record<string, string>, signal: AbortSignal, timeoutMs: number, deadlineMs: number) {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const idle = idleTimer(controller, timeoutMs);
  const deadline = setTimeout(() => controller.abort(new TimeoutError('deadline', `deadline of ${Math.round(deadlineMs / 1000)} s passed`)), deadlineMs);
  const stop = (): void => {
    idle.stop();
    clearTimeout(deadline);
    signal.removeEventListener('abort', onAbort);
  };
  try {
    let at = new URL(url);
    for (let hops = 0; ; hops++) {
      const response = await fetch(at, { headers, signal: controller.signal, redirect: 'manual' });
      idle.touch();
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) return { response, idle, controller, stop };
      await response.body?.cancel().catch(() => undefined);
      const next = new URL(location, at);
      if (hops >= MAX_REDIRECTS) throw new HttpError(response.status, 'sync.redirect-loop', { url: displayUrl(url), max: MAX_REDIRECTS });
      if (!sameOrigin(at, next)) throw new HttpError(response.status, 'sync.redirect-away', { url: displayUrl(url), host: next.host });
      at = next;
    }
  } catch (error) {
    stop();
    throw timeoutOr(controller, error);
  }
}

/** A refusal for a body past its cap. */
const tooLarge = (url: string, max: number): HttpError => new HttpError(413, 'sync.too-large', { url: displayUrl(url), mb: Math.round(max / 2 ** 20) });

/** GETs a URL into memory (pages, feeds, manifests). 304 comes back as is. */
export async function fetchBytes(url: string, options: HttpOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const max = options.maxBytes ?? MAX_FETCH_BYTES;
  return withRetries(url, options, async (signal) => {
    const { response, idle, controller, stop } = await request(url, options.headers ?? {}, signal, timeoutMs, options.deadlineMs ?? FETCH_DEADLINE_MS);
    try {
      if (response.status === 304) return { status: 304, headers: response.headers, bytes: new Uint8Array() };
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      if (!response.ok) throw statusError(response.status, url);
      if (Number(response.headers.get('content-length')) > max) throw tooLarge(url, max);
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of response.body ?? []) {
        idle.touch();
        size += (chunk as Uint8Array).length;
        if (size > max) throw tooLarge(url, max);
        chunks.push(chunk as Uint8Array);
      }
      return { status: response.status, headers: response.headers, bytes: new Uint8Array(Buffer.concat(chunks)) };
    } catch (error) {
      throw timeoutOr(controller, error);
    } finally {
      stop();
      if (!controller.signal.aborted) controller.abort();
    }
  });
}

export interface DownloadOptions extends HttpOptions {
  sha256?: string;
  size?: number;
  onProgress?: (received: number, total: number | undefined) => void;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Downloads to `dest` through `dest.part`, resuming the part file with a Range request after a
 * dropped connection; verifies size and sha256 when given before renaming into place.
 */
export async function downloadFile(url: string, dest: string, options: DownloadOptions = {}): Promise<{ headers: Headers }> {
  const part = `${dest}.part`;
  // The part's validator (ETag or Last-Modified), saved beside it: a part is resumed only with
  // If-Range, so a file that changed meanwhile comes whole instead of spliced onto the old part.
  const validatorFile = `${part}.validator`;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const max = options.maxBytes ?? MAX_DOWNLOAD_BYTES;
  const result = await withRetries(url, options, async (signal) => {
    let have = (await stat(part).catch(() => undefined))?.size ?? 0;
    const validator = have > 0 ? (await readFile(validatorFile, 'utf8').catch(() => '')).trim() : '';
    if (have > 0 && !validator) {
      await rm(part, { force: true });
      have = 0;
    }
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (have > 0) {
      headers.Range = `bytes=${have}-`;
      headers['If-Range'] = validator;
    }
    const { response, idle, controller, stop } = await request(url, headers, signal, timeoutMs, options.deadlineMs ?? DOWNLOAD_DEADLINE_MS);
    try {
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      if (response.status === 416 && have > 0) {
        await rm(part, { force: true });
        throw new Error('range not satisfiable; starting over');
      }
      if (!response.ok) throw statusError(response.status, url);
      const resumed = response.status === 206 && have > 0;
      const strong = response.headers.get('etag');
      const next = strong && !strong.startsWith('W/') ? strong : (response.headers.get('last-modified') ?? '');
      if (!resumed) {
        if (next) await writeFile(validatorFile, next);
        else await rm(validatorFile, { force: true });
      }
      const length = Number(response.headers.get('content-length') ?? NaN);
      const total = Number.isFinite(length) ? length + (resumed ? have : 0) : options.size;
      if (total !== undefined && total > max) throw tooLarge(url, max);
      const file = await open(part, resumed ? 'a' : 'w');
      let received = resumed ? have : 0;
      try {
        for await (const chunk of response.body ?? []) {
          idle.touch();
          received += (chunk as Uint8Array).length;
          if (received > max) throw tooLarge(url, max);
          await file.write(chunk as Uint8Array);
          options.onProgress?.(received, total);
        }
      } finally {
        await file.close();
      }
      if (total !== undefined && received < total) throw new Error(`connection closed after ${received} of ${total} bytes`);
      return { headers: response.headers };
    } catch (error) {
      if (error instanceof HttpError && error.status === 413) await rm(part, { force: true });
      throw timeoutOr(controller, error);
    } finally {
      stop();
      if (!controller.signal.aborted) controller.abort();
    }
  });
  await rm(validatorFile, { force: true });
  const size = (await stat(part)).size;
  if (options.size !== undefined && size !== options.size) {
    await rm(part, { force: true });
    throw fail('sync.size-mismatch', { url: displayUrl(url), size, expected: options.size });
  }
  if (options.sha256 && (await sha256File(part)) !== options.sha256.toLowerCase()) {
    await rm(part, { force: true });
    throw fail('sync.sha-mismatch', { url: displayUrl(url) });
  }
  await rename(part, dest);
  return result;
}
