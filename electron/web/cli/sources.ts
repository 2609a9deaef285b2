/**
 * `yandu sources` and `yandu source add|remove|token`. A member token is read from standard
 * input (`--token-stdin`), so it never shows in the shell history or the process list.
 *
 * @example
 * // echo "$TOKEN" | yandu source add manifest https://site.example/member/manifest.json --token-stdin
 */
import type { YanduApi } from '../../shared/contract.js';
import type { SourceSummary } from '../../shared/types.js';
import { UsageError, type CommandLine } from './args.js';

const when = (ms?: number): string => (ms ? new Date(ms).toLocaleString('zh-CN', { hour12: false }) : '从未同步 (never)');

export function formatSources(sources: SourceSummary[]): string {
  if (!sources.length) return '还没有同步源。用 `yandu source add folder 下载文件夹` 添加。 (No sources yet.)';
  return sources
    .map((s) => {
      const last = s.history[0];
      const lines = [
        `${s.id}  [${s.kind}] ${s.name}  ${s.path ?? s.url ?? ''}`,
        `    ${s.documents} 篇 · 上次同步 ${when(s.lastSyncAt)}${last ? ` · 新增 ${last.added} 更新 ${last.updated} 失败 ${last.failed}` : ''}${s.kind === 'manifest' && !s.hasToken ? ' · 缺少令牌 (no token)' : ''}`,
      ];
      if (s.lastError) lines.push(`    ✗ ${s.lastError}`);
      return lines.join('\n');
    })
    .join('\n');
}

export async function sourceCommand(
  api: YanduApi,
  cl: CommandLine,
  readToken: () => Promise<string>,
): Promise<{ value: unknown; human: string }> {
  const [action, ...rest] = cl.positionals;
  const name = cl.flags.name ? { name: cl.flags.name } : {};
  if (action === 'add') {
    const [kind, target] = rest;
    if (!target || rest.length !== 2) throw new UsageError('source add takes a kind (folder, feed, manifest) and a path or URL');
    let source: SourceSummary;
    if (kind === 'folder') source = await api.addSource({ kind, path: target, ...name });
    else if (kind === 'feed') source = await api.addSource({ kind, url: target, ...name });
    else if (kind === 'manifest') {
      const token = cl.flags['token-stdin'] ? await readToken() : undefined;
      source = await api.addSource({ kind, url: target, ...name, ...(token ? { token } : {}) });
    } else throw new UsageError(`unknown source kind '${kind ?? ''}' (folder, feed, manifest)`);
    return { value: source, human: `已添加 (added) ${source.id}: ${source.name}` };
  }
  if (action === 'remove' && rest.length === 1) {
    const { removed } = await api.removeSource({ id: rest[0]! });
    return { value: { removed }, human: `已移除 (removed) ${removed.name}；其资料仍保留在资料库中。` };
  }
  if (action === 'token' && rest.length === 1) {
    if (!cl.flags['token-stdin']) throw new UsageError('source token reads the token from standard input: add --token-stdin');
    const source = await api.setSourceToken({ id: rest[0]!, token: await readToken() });
    return { value: source, human: `已保存令牌 (token saved) for ${source.name}` };
  }
  throw new UsageError('source takes: add KIND TARGET | remove ID | token ID --token-stdin');
}
