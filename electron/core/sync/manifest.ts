/**
 * Member manifests: the JSON list of articles and PDFs that an exam-prep site offers its members,
 * fetched with a bearer token. Format (version 1):
 *
 * ```json
 * { "version": 1, "name": "北辰遴选会员资料",
 *   "items": [{ "id": "lx-2024-0903", "title": "整治“指尖上的形式主义”", "url": "files/a.pdf",
 *               "kind": "pdf", "category": ["遴选网", "文秘综合类"],
 *               "updatedAt": "2024-09-03T08:00:00Z", "sha256": "…", "size": 123456 }] }
 * ```
 * `url` may be relative to the manifest; `kind` is `pdf`, `article` (an HTML page) or `docx`;
 * `sha256` and `size` are checked when given.
 *
 * @example
 * const manifest = parseManifest(bytes, 'https://site.example/member/manifest.json');
 * manifest.items[0].url; // → 'https://site.example/member/files/a.pdf'
 */
import { z } from 'zod';

const item = z.object({
  id: z.string().min(1).max(200),
  title: z.string().max(500),
  url: z.string().min(1).max(4096),
  kind: z.enum(['pdf', 'article', 'docx']),
  category: z.array(z.string().max(100)).max(10).optional(),
  updatedAt: z.string().max(40).optional(),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/).optional(),
  size: z.number().int().nonnegative().optional(),
});

/** Items read of one manifest at most (the rest wait for a later sync, as a feed's older items do). */
export const MAX_MANIFEST_ITEMS = 10_000;

const manifest = z.object({
  version: z.literal(1),
  name: z.string().max(200).optional(),
  items: z.array(z.unknown()),
});

export type ManifestItem = z.infer<typeof item>;
export interface Manifest {
  version: 1;
  name?: string;
  items: ManifestItem[];
  /** Items that were not valid (a bad address, a missing field): each fails alone. */
  invalid: { id: string; reason: string }[];
}

export function parseManifest(bytes: Uint8Array, manifestUrl: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw new Error('sync: the member manifest is not JSON; check its address. / 会员清单格式错误。');
  }
  const parsed = manifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`sync: the member manifest is not valid (${issue?.path.join('.') ?? ''}: ${issue?.message ?? '?'}). / 会员清单格式错误。`);
  }
  // Each item on its own: a bad one fails alone, the others sync.
  const base = new URL(manifestUrl);
  const items: ManifestItem[] = [];
  const invalid: Manifest['invalid'] = [];
  for (const [i, rawItem] of parsed.data.items.slice(0, MAX_MANIFEST_ITEMS).entries()) {
    const id = String((rawItem as { id?: unknown })?.id ?? `#${i + 1}`).slice(0, 200);
    const checked = item.safeParse(rawItem);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      invalid.push({ id, reason: `sync: manifest item ${id} is not valid (${issue?.path.join('.') ?? ''}: ${issue?.message ?? '?'}). / 清单中的这一项格式错误。` });
      continue;
    }
    let resolved: URL;
    try {
      resolved = new URL(checked.data.url, base);
    } catch {
      invalid.push({ id, reason: `sync: manifest item ${id} has an address that cannot be read. / 清单中的这一项地址无效。` });
      continue;
    }
    if (!/^https?:$/.test(resolved.protocol)) {
      invalid.push({ id, reason: `sync: manifest item ${id} has an address that is not http(s) (${resolved.protocol}); it is skipped. / 清单中的这一项不是网址，已跳过。` });
      continue;
    }
    items.push({ ...checked.data, url: resolved.href });
  }
  return { version: 1, ...(parsed.data.name ? { name: parsed.data.name } : {}), items, invalid };
}
