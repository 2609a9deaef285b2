/**
 * Command-line parsing for `yandu`: a command, its positional arguments and flags. Unknown flags
 * and missing values are usage errors (exit 2).
 *
 * @example
 * parseCommandLine(['search', '基层减负', '--limit', '5', '--json']);
 * // → { command: 'search', positionals: ['基层减负'], flags: { limit: '5', json: true } }
 */
export class UsageError extends Error {}

export interface CommandLine {
  command: string | undefined;
  positionals: string[];
  flags: {
    library?: string;
    json?: boolean;
    limit?: string;
    port?: string;
    help?: boolean;
    source?: string;
    name?: string;
    format?: string;
    by?: string;
    topic?: string;
    doc?: string;
    out?: string;
    'token-stdin'?: boolean;
    /** recover: a restore point's file; list them; replace even a healthy library. */
    from?: string;
    list?: boolean;
    force?: boolean;
    /** review: the cards due now (the default); --anki: the cards as an Anki package (.apkg, or --format tsv). */
    due?: boolean;
    anki?: boolean;
  };
}

const VALUE_FLAGS = new Set(['library', 'limit', 'port', 'source', 'name', 'format', 'by', 'topic', 'doc', 'out', 'from']);
const BOOLEAN_FLAGS = new Set(['json', 'help', 'token-stdin', 'list', 'force', 'due', 'anki']);

export function parseCommandLine(argv: string[]): CommandLine {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      flags.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (BOOLEAN_FLAGS.has(name)) flags[name] = true;
    else if (VALUE_FLAGS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      flags[name] = value;
    } else throw new UsageError(`unknown option --${name}`);
  }
  const [command, ...rest] = positionals;
  return { command, positionals: rest, flags: flags as CommandLine['flags'] };
}

/** Parses a positive integer flag, or throws a usage error naming it. */
export function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} takes a whole number, not '${value}'`);
  return n;
}

export const HELP = `研读 Yandu — offline study library / 离线备考资料库

Usage: yandu <command> [options]

Commands:
  add PATH…            import files or folders (.html .pdf .docx .txt .md) 导入文件或文件夹
  list                 list the documents in the library            列出资料
  show ID              one document with its text                   查看一篇资料
  search QUERY         full-text search (--limit N, default 20)      全文搜索
  sync [--source ID]   sync every source (or one), re-read imported files 同步
  sources              list sync sources with their last runs       同步源列表
  source add folder PATH | feed URL | manifest URL [--token-stdin] [--name N]
                       add a watched folder, a feed, or a member manifest
                       (the token is read from standard input, never from the command line)
  source token ID --token-stdin   replace a manifest's token
  source remove ID     stop syncing a source (its documents stay)
  reindex              rebuild the search index from the stored text 重建索引
  serve                serve the web UI and API on 127.0.0.1 (--port N)  启动网页版
  recover [--list] [--from FILE] [--force]
                       replace a damaged yandu.json with a restore point (the newest, or FILE);
                       --list shows them with what each holds; a healthy or open library is refused
                       从备份恢复
  export [--out FILE]  back up highlights, notes, topics, reading positions, sources (JSON) 备份
  export --format md|csv|docx [--by document|topic] [--topic T] [--doc ID] [--out FILE]
                       highlights as Markdown, CSV or a Word 金句本      导出标注
  restore FILE         restore a backup into this library (adds what is missing) 恢复备份
  review [--due] [--topic T] [--limit N]
                       the 复习 cards due now, in the order of a session     今日复习
  review --anki [--topic T] [--format apkg|tsv] --out FILE
                       the cards as an Anki package: its own cloze note type, a tag per topic 导出到 Anki

Options:
  --library DIR        the library folder (or YANDU_LIBRARY; default: the desktop app's)
  --json               machine-readable output
  -h, --help           this help

Exit codes: 0 success, 1 some items failed or an error, 2 bad usage.`;
