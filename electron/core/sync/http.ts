/**
 * HTTP for sync: requests with a timeout, retries with exponential backoff on 5xx, timeouts and
 * dropped connections, a clear error on 4xx (401/403 say the token was rejected), and downloads
 * that resume with `Range` after a dropped connection, are checked against sha256 and size, and
 * only then move into place — a bad download never replaces a good file.
 *
 * @example
 * const page = await fetchBytes('https://example.org/a.html', { timeoutMs: 15_000 });
 * await downloadFile('https://example.org/a.pdf', '/lib/downloads/a.pdf', { sha256: 'ab…' });
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { YanduError } from '../../shared/errors.js';

export interface HttpOptions {
  headers?: Record<string, string>;
  /** Per attempt, until the response headers arrive and between body chunks. Default 20 s. */
  timeoutMs?: number;
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
    message: string,
  ) {
    super(status === 401 || status === 403 ? 'unauthorized' : 'import-failed', message);
  }
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new YanduError('import-failed', 'sync: cancelled. / 已取消。'));
    });
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
    return new HttpError(status, `sync: the token was rejected by ${new URL(url).host} (HTTP ${status}); paste a new token. Nothing was deleted. / 令牌无效，请重新粘贴。`);
  if (status === 404 || status === 410) return new HttpError(status, `sync: ${displayUrl(url)} is gone (HTTP ${status}). / 资源不存在。`);
  return new HttpError(status, `sync: ${displayUrl(url)} answered HTTP ${status}. / 服务器拒绝了请求。`);
}

const retriable = (error: unknown): boolean => !(error instanceof HttpError) && !(error instanceof YanduError && /cancelled/.test(error.message));

/** Runs `attempt` with retries and backoff; 4xx (HttpError) and cancellation are not retried. */
export async function withRetries<T>(url: string, options: HttpOptions, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const retries = options.retries ?? 3;
  let delay = options.backoffMs ?? 500;
  for (let i = 0; ; i++) {
    if (options.signal?.aborted) throw new YanduError('import-failed', 'sync: cancelled. / 已取消。');
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    options.signal?.addEventListener('abort', onAbort);
    try {
      return await attempt(controller.signal);
    } catch (error) {
      if (options.signal?.aborted) throw new YanduError('import-failed', 'sync: cancelled. / 已取消。');
      if (!retriable(error) || i >= retries) throw toSyncError(error, url);
      await sleep(delay, options.signal);
      delay *= 2;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
}

function toSyncError(error: unknown, url: string): YanduError {
  if (error instanceof YanduError) return error;
  const message = (error as Error).message;
  if (/timed out|timeout/i.test(message)) return new YanduError('import-failed', `sync: ${displayUrl(url)} did not answer in time. / 服务器响应超时。`);
  return new YanduError('import-failed', `sync: could not download ${displayUrl(url)} (${message}). / 下载失败。`);
}

/** A timer that aborts `controller` unless `touch()` is called within `ms`. */
function idleTimer(controller: AbortController, ms: number): { touch(): void; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  const touch = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error(`timed out after ${ms} ms`)), ms);
  };
  touch();
  return { touch, stop: () => clearTimeout(timer) };
}

async function request(url: string, headers: Record<string, string>, signal: AbortSignal, timeoutMs: number) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(signal.reason));
  const idle = idleTimer(controller, timeoutMs);
  try {
    const response = await fetch(url, { headers, signal: controller.signal, redirect: 'follow' });
    idle.touch();
    return { response, idle, controller };
  } catch (error) {
    idle.stop();
    const reason = controller.signal.reason as Error | undefined;
    throw reason instanceof Error && /timed out/.test(reason.message) ? reason : error;
  }
}

/** GETs a URL into memory (pages, feeds, manifests). 304 comes back as is. */
export async function fetchBytes(url: string, options: HttpOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  return withRetries(url, options, async (signal) => {
    const { response, idle, controller } = await request(url, options.headers ?? {}, signal, timeoutMs);
    try {
      if (response.status === 304) return { status: 304, headers: response.headers, bytes: new Uint8Array() };
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      if (!response.ok) throw statusError(response.status, url);
      const chunks: Uint8Array[] = [];
      for await (const chunk of response.body ?? []) {
        idle.touch();
        chunks.push(chunk as Uint8Array);
      }
      return { status: response.status, headers: response.headers, bytes: new Uint8Array(Buffer.concat(chunks)) };
    } catch (error) {
      const reason = controller.signal.reason as Error | undefined;
      throw reason instanceof Error && /timed out/.test(reason.message) ? reason : error;
    } finally {
      idle.stop();
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
  const timeoutMs = options.timeoutMs ?? 20_000;
  let validator: string | undefined;
  const result = await withRetries(url, options, async (signal) => {
    const have = (await stat(part).catch(() => undefined))?.size ?? 0;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (have > 0) {
      headers.Range = `bytes=${have}-`;
      if (validator) headers['If-Range'] = validator;
    }
    const { response, idle, controller } = await request(url, headers, signal, timeoutMs);
    try {
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      if (response.status === 416 && have > 0) {
        await rm(part, { force: true });
        throw new Error('range not satisfiable; starting over');
      }
      if (!response.ok) throw statusError(response.status, url);
      validator = response.headers.get('etag') ?? response.headers.get('last-modified') ?? undefined;
      const resumed = response.status === 206 && have > 0;
      const file = await open(part, resumed ? 'a' : 'w');
      let received = resumed ? have : 0;
      const length = Number(response.headers.get('content-length') ?? NaN);
      const total = Number.isFinite(length) ? length + (resumed ? have : 0) : options.size;
      try {
        for await (const chunk of response.body ?? []) {
          idle.touch();
          await file.write(chunk as Uint8Array);
          received += (chunk as Uint8Array).length;
          options.onProgress?.(received, total);
        }
      } finally {
        await file.close();
      }
      if (total !== undefined && received < total) throw new Error(`connection closed after ${received} of ${total} bytes`);
      return { headers: response.headers };
    } catch (error) {
      const reason = controller.signal.reason as Error | undefined;
      throw reason instanceof Error && /timed out/.test(reason.message) ? reason : error;
    } finally {
      idle.stop();
    }
  });
  const size = (await stat(part)).size;
  if (options.size !== undefined && size !== options.size) {
    await rm(part, { force: true });
    throw new YanduError('import-failed', `sync: ${displayUrl(url)} arrived with ${size} bytes, not ${options.size}; the old copy is kept. / 文件大小不符。`);
  }
  if (options.sha256 && (await sha256File(part)) !== options.sha256.toLowerCase()) {
    await rm(part, { force: true });
    throw new YanduError('import-failed', `sync: ${displayUrl(url)} does not match its sha256; the old copy is kept. / 文件校验失败。`);
  }
  await rename(part, dest);
  return result;
}
