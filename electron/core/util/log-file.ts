/**
 * A log file that rotates (yandu.log → yandu.1.log → … up to `keep` old files once it passes
 * `maxBytes`) and never writes a secret: bearer tokens, `token=` parameters and long hex or
 * base64 strings that look like keys are masked before a line is written.
 *
 * @example
 * const log = createLogFile('/…/logs', { maxBytes: 1_000_000, keep: 3 });
 * log.write('info', 'library opened', '/…/library');
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Masks what could be a secret in a log line. */
export function redact(text: string): string {
  return text
    .replace(/(Bearer\s+)[^\s"']+/gi, '$1***')
    .replace(/([?&"'\s]token["']?\s*[=:]\s*["']?)[^&\s"',}]+/gi, '$1***')
    .replace(/\b[A-Fa-f0-9]{32,}\b/g, '***')
    .replace(/\b[A-Za-z0-9+/_-]{40,}={0,2}/g, '***');
}

export interface LogFile {
  readonly path: string;
  write(level: 'info' | 'warn' | 'error', ...parts: unknown[]): void;
}

export function createLogFile(dir: string, { maxBytes = 1_000_000, keep = 3, name = 'yandu' } = {}): LogFile {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.log`);
  const rotate = (): void => {
    rmSync(join(dir, `${name}.${keep}.log`), { force: true });
    for (let i = keep - 1; i >= 1; i--) if (existsSync(join(dir, `${name}.${i}.log`))) renameSync(join(dir, `${name}.${i}.log`), join(dir, `${name}.${i + 1}.log`));
    renameSync(path, join(dir, `${name}.1.log`));
  };
  return {
    path,
    write(level, ...parts) {
      const text = parts.map((p) => (p instanceof Error ? (p.stack ?? p.message) : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
      const line = `${new Date().toISOString()} ${level.toUpperCase()} ${redact(text)}\n`;
      try {
        if (existsSync(path) && statSync(path).size + line.length > maxBytes) rotate();
        appendFileSync(path, line);
      } catch {
        // A log that cannot be written must not take the app down.
      }
    },
  };
}
