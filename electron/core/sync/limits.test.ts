import { describe, expect, it } from 'vitest';
import { firstItems, MAX_FEED_ITEMS, parseFeed } from './feed';
import { MAX_MANIFEST_ITEMS, parseManifest } from './manifest';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('feeds and manifests read within bounds', () => {
  it('parses a 100,000-item feed only as far as its first items', () => {
    const items = Array.from({ length: 100_000 }, (_, i) => `<item><title>第${i}篇</title><link>https://example.org/${i}</link></item>`).join('');
    const feed = parseFeed(utf8(`<?xml version="1.0"?><rss version="2.0"><channel><title>大站</title>${items}</channel></rss>`));
    expect(feed.items).toHaveLength(MAX_FEED_ITEMS);
    expect(feed.items[0]!.title).toBe('第0篇');
    expect(feed.title).toBe('大站');
    const atom = parseFeed(utf8(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${Array.from({ length: 600 }, (_, i) => `<entry><title>e${i}</title><link href="https://e.org/${i}"/></entry>`).join('')}</feed>`));
    expect(atom.items).toHaveLength(MAX_FEED_ITEMS);
    expect(firstItems('<rss><channel><item>1</item></channel></rss>', 5)).toBe('<rss><channel><item>1</item></channel></rss>');
  }, 30_000);

  it('reads each manifest item on its own: a bad one fails alone, past the cap the rest wait', () => {
    const good = (i: number) => ({ id: `a${i}`, title: `第${i}篇`, url: `/a/${i}.html`, kind: 'article' });
    const parsed = parseManifest(
      utf8(JSON.stringify({ version: 1, items: [good(1), { id: 'bad-scheme', title: 'x', url: 'file:///etc/passwd', kind: 'pdf' }, { id: 'no-kind', title: 'x', url: '/b' }, good(2)] })),
      'https://site.example/member/manifest.json',
    );
    expect(parsed.items.map((i) => i.url)).toEqual(['https://site.example/a/1.html', 'https://site.example/a/2.html']);
    expect(parsed.invalid.map((i) => i.id)).toEqual(['bad-scheme', 'no-kind']);
    expect(parsed.invalid[0]!.reason).toMatch(/not http\(s\)/);
    const many = parseManifest(utf8(JSON.stringify({ version: 1, items: Array.from({ length: MAX_MANIFEST_ITEMS + 500 }, (_, i) => good(i)) })), 'https://s.example/m.json');
    expect(many.items).toHaveLength(MAX_MANIFEST_ITEMS);
  }, 30_000);
});
