/**
 * The `yandu` command line, as a function: arguments and an environment in, an exit code out
 * (0 success, 1 some items failed or an error, 2 bad usage). When the library is already open in
 * a Yandu that serves its API (the web host), commands are sent to it, so its window sees them at
 * once; otherwise the CLI opens the library itself.
 *
 * @example
 * const code = await runCli(['add', 'notes/', '--json'], { out: console.log, err: console.error, env: process.env });
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { YanduApi } from '../../shared/contract.js';
import { YanduError } from '../../shared/errors.js';
import { createCore, type Core, resolveLibraryDir, listRestorePoints, recoverFromBackup, acquireLock, readLock, type RestorePoint } from '../../core/index.js';
import { appRoot } from '../app-root.js';
import { createHttpClient } from '../http-client.js';
import { newToken, startHttpHost } from '../http-host.js';
import { HELP, parseCommandLine, positiveInt, UsageError, type CommandLine } from './args.js';
import { formatDocument, formatList, formatReport, formatReview, formatSearch } from './format.js';
import { formatSources, sourceCommand } from './sources.js';
import { fail } from '../../shared/error-words.js';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Reads standard input to its end (tokens). */
  readStdin?: () => Promise<string>;
  /** Resolves when `serve` should stop (default: SIGINT or SIGTERM). */
  stopSignal?: Promise<void>;
  /** Called once `serve` listens, with the URL to open. */
  onServing?: (url: string) => void;
}

/** Built renderer served by `serve`. */
export const RENDERER_DIR = join(appRoot(), 'out', 'renderer');
/** The app's resources (topic taxonomy). */
export const RESOURCES_DIR = join(appRoot(), 'resources');

const COMMANDS = new Set(['add', 'list', 'show', 'search', 'sync', 'serve', 'recover', 'sources', 'source', 'reindex', 'export', 'restore', 'review']);

interface Session {
  api: YanduApi;
  close(): Promise<void>;
}

/** Commands that only read: they open the library lazily (no clean-up at open, workers and the index on first use). */
const READS = new Set(['list', 'show', 'search', 'sources', 'export', 'review']);

/** Opens the library, or connects to the Yandu that has it open. */
async function openSession(libraryDir: string, command: string): Promise<Session> {
  try {
    const core = await createCore({ libraryDir, owner: 'cli', resourcesDir: RESOURCES_DIR, lazy: READS.has(command) });
    return { api: core.api, close: () => core.close() };
  } catch (error) {
    if (!(error instanceof YanduError) || error.code !== 'library-locked') throw error;
    const holder = await readLock(libraryDir);
    if (!holder?.url || !holder.token) throw error;
    return { api: createHttpClient(holder.url, holder.token), close: async () => undefined };
  }
}

function needOne(cl: CommandLine, what: string): string {
  const [value] = cl.positionals;
  if (!value || cl.positionals.length > 1) throw new UsageError(`${cl.command} takes exactly one ${what}`);
  return value;
}

async function serve(libraryDir: string, cl: CommandLine, io: CliIO): Promise<number> {
  const downloads = io.env.YANDU_DOWNLOADS ?? join(homedir(), 'Downloads');
  const core: Core = await createCore({
    libraryDir,
    owner: 'web',
    watch: true,
    resourcesDir: RESOURCES_DIR,
    ...(existsSync(downloads) ? { downloadsDir: downloads } : {}),
  });
  const host = await startHttpHost({
    api: core.api,
    on: core.on,
    token: newToken(),
    port: positiveInt(cl.flags.port, 'port', 0),
    staticDir: RENDERER_DIR,
    libraryDir,
  });
  await core.lock.publish(host.url, host.token);
  const open = `${host.url}/?token=${host.token}`;
  io.out(cl.flags.json ? JSON.stringify({ url: open, libraryDir }) : `研读 web: ${open}\n资料库 (library): ${libraryDir}\nCtrl+C 停止 (stop)`);
  io.onServing?.(open);
  await (io.stopSignal ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }));
  await host.close();
  await core.close();
  return 0;
}

async function runCommand(cl: CommandLine, libraryDir: string, io: CliIO): Promise<number> {
  const json = Boolean(cl.flags.json);
  const print = (value: unknown, human: () => string): void => io.out(json ? JSON.stringify(value, null, 2) : human());
  if (cl.command === 'serve') return serve(libraryDir, cl, io);
  if (cl.command === 'recover') {
    const points = await listRestorePoints(libraryDir);
    const describe = (p: RestorePoint): string =>
      `${new Date(p.at).toLocaleString('zh-CN')}  ${p.kind.padEnd(22)} ${p.documents === undefined ? '无法读取 (unreadable)' : `${p.documents} 篇资料 · ${p.highlights} 条标注 · ${p.sources} 个同步源`}  ${p.path}`;
    if (cl.flags.list) {
      print(points, () => (points.length ? points.map(describe).join('\n') : '没有还原点 (no restore points)'));
      return 0;
    }
    // Refused while the library is open anywhere: recover never replaces a library in use.
    const lock = await acquireLock(libraryDir, { owner: 'cli recover' });
    try {
      const from = typeof cl.flags.from === 'string' ? cl.flags.from : undefined;
      const used = await recoverFromBackup(libraryDir, Date.now(), { ...(from ? { from } : {}), force: Boolean(cl.flags.force) });
      print({ restoredFrom: used.path, documents: used.documents, highlights: used.highlights }, () => `已从还原点恢复 (restored from):\n${describe(used)}`);
    } finally {
      await lock.release();
    }
    return 0;
  }
  if (cl.command === 'add' && !cl.positionals.length) throw new UsageError('add needs at least one PATH');
  const query = cl.command === 'search' ? cl.positionals.join(' ') : '';
  if (cl.command === 'search' && !query.trim()) throw new UsageError('search needs a QUERY');
  const id = cl.command === 'show' ? needOne(cl, 'ID') : '';
  const limit = positiveInt(cl.flags.limit, 'limit', 20);

  const session = await openSession(libraryDir, cl.command ?? '');
  try {
    switch (cl.command) {
      case 'export': {
        const format = cl.flags.format ?? 'json';
        const formats: Record<string, 'markdown' | 'csv' | 'docx'> = { md: 'markdown', markdown: 'markdown', csv: 'csv', docx: 'docx' };
        if (format !== 'json' && !formats[format]) throw new UsageError(`--format takes json, md, csv or docx, not '${format}'`);
        if (cl.flags.by && cl.flags.by !== 'document' && cl.flags.by !== 'topic') throw new UsageError(`--by takes document or topic, not '${cl.flags.by}'`);
        const file =
          format === 'json'
            ? await session.api.backup({})
            : await session.api.exportHighlights({
                format: formats[format]!,
                ...(cl.flags.by ? { by: cl.flags.by as 'document' | 'topic' } : {}),
                ...(cl.flags.topic ? { topic: cl.flags.topic } : {}),
                ...(cl.flags.doc ? { docId: cl.flags.doc } : {}),
              });
        const bytes = Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8');
        if (cl.flags.out) {
          await writeFile(cl.flags.out, bytes);
          print({ out: cl.flags.out, bytes: bytes.length }, () => `已导出 (exported): ${cl.flags.out} (${bytes.length} bytes)`);
        } else if (file.encoding === 'base64') throw new UsageError(`${format} is binary: give --out FILE`);
        else io.out(file.content.replace(/\n$/, ''));
        return 0;
      }
      case 'restore': {
        const content = await readFile(needOne(cl, 'FILE'), 'utf8').catch((e: Error) => {
          throw fail('restore.unreadable', { file: cl.positionals[0]!, reason: e.message });
        });
        const report = await session.api.restore({ content });
        print(report, () => `已恢复 (restored): ${report.highlights} 条标注, ${report.documents} 篇资料对上${report.unmatched ? `, ${report.unmatched} 篇资料库中没有` : ''}${report.sources ? `, ${report.sources} 个同步源` : ''}`);
        return 0;
      }
      case 'review': {
        const topic = cl.flags.topic ? { topic: cl.flags.topic } : {};
        if (cl.flags.anki) {
          const format = cl.flags.format ?? 'apkg';
          if (format !== 'apkg' && format !== 'tsv') throw new UsageError(`--format takes apkg or tsv, not '${format}'`);
          const file = await session.api.exportAnki({ ...topic, format });
          if (cl.flags.out) {
            const bytes = Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8');
            await writeFile(cl.flags.out, bytes);
            print({ out: cl.flags.out, bytes: bytes.length }, () => `已导出 (exported): ${cl.flags.out} (${bytes.length} bytes)`);
          } else if (file.encoding === 'base64') throw new UsageError('an .apkg is binary: give --out FILE (or --format tsv for text)');
          else io.out(file.content.replace(/\n$/, ''));
          return 0;
        }
        const queue = await session.api.reviewQueue({ ...topic, limit });
        print(queue, () => formatReview(queue));
        return 0;
      }
      case 'reindex': {
        const done = await session.api.reindex({});
        print(done, () => `已重建索引 (index rebuilt): ${done.documents} 篇, ${(done.ms / 1000).toFixed(1)} s`);
        return 0;
      }
      case 'sources': {
        const sources = await session.api.listSources({});
        print(sources, () => formatSources(sources));
        return 0;
      }
      case 'source': {
        const readToken = async (): Promise<string> => {
          const token = (await (io.readStdin ?? (() => Promise.resolve('')))()).trim();
          if (!token) throw new UsageError('no token on standard input');
          return token;
        };
        const { value, human } = await sourceCommand(session.api, cl, readToken);
        print(value, () => human);
        return 0;
      }
      case 'add':
      case 'sync': {
        const report =
          cl.command === 'add'
            ? await session.api.addPaths({ paths: cl.positionals })
            : await session.api.sync(cl.flags.source ? { sourceId: cl.flags.source } : {});
        print(report, () => formatReport(report));
        return report.failed.length ? 1 : 0;
      }
      case 'list': {
        const docs = await session.api.listDocuments({});
        print(docs, () => formatList(docs));
        return 0;
      }
      case 'show': {
        const doc = await session.api.getDocument({ id });
        print(doc, () => formatDocument(doc));
        return 0;
      }
      default: {
        const result = await session.api.search({ query, limit: Math.max(1, limit) });
        print(result, () => formatSearch(result));
        return 0;
      }
    }
  } finally {
    await session.close();
  }
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let cl: CommandLine;
  try {
    cl = parseCommandLine(argv);
    if (cl.flags.help) {
      io.out(HELP);
      return 0;
    }
    if (!cl.command) throw new UsageError('no command given');
    if (!COMMANDS.has(cl.command)) throw new UsageError(`unknown command '${cl.command}'`);
  } catch (error) {
    io.err(`yandu: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const libraryDir = resolveLibraryDir({ flag: cl.flags.library, env: io.env, platform: process.platform, home: homedir() });
  try {
    return await runCommand(cl, libraryDir, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`yandu: ${error.message}\n\n${HELP}`);
      return 2;
    }
    const e = YanduError.from(error);
    if (cl.flags.json) io.out(JSON.stringify({ error: e.toJSON() }, null, 2));
    io.err(`yandu: ${e.message}`);
    return 1;
  }
}
