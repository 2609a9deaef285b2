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

const manifest = z.object({
  version: z.literal(1),
  name: z.string().max(200).optional(),
  items: z.array(item).max(100_000),
});

export type ManifestItem = z.infer<typeof item>;
export type Manifest = z.infer<typeof manifest>;

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
  const base = new URL(manifestUrl);
  for (const entry of parsed.data.items) {
    const resolved = new URL(entry.url, base);
    if (!/^https?:$/.test(resolved.protocol)) throw new Error(`sync: manifest item ${entry.id} has an address that is not http(s).`);
    entry.url = resolved.href;
  }
  return parsed.data;
}
