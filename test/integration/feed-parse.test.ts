/**
 * Feed parsing on the real feeds of ../shared/corpus/feeds: the GB2312 feeds against the
 * expected reading, the large Atom feed with full HTML content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../electron/core/sync/feed';
import { SHARED } from '../support/shared';

const FEEDS = join(SHARED, 'corpus', 'feeds');
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FEEDS, name)));

interface ExpectedItem {
  title: string;
  link: string;
  pubDate: string;
  isoDate: string;
  content: string;
  creator: string;
}

describe('feed parsing', () => {
  it('reads the GB2312 feed exactly as expected', () => {
    const expected = JSON.parse(readFileSync(join(FEEDS, 'encoding-gb2312.expected.json'), 'utf8')) as {
      feed: { title: string; description: string; link: string; language: string; copyright: string; generator: string; items: ExpectedItem[] };
    };
    const feed = parseFeed(read('encoding-gb2312.v1.xml'));
    const { items, ...meta } = expected.feed;
    expect(feed).toMatchObject({
      format: 'rss',
      title: meta.title,
      description: meta.description,
      link: meta.link,
      language: meta.language,
      copyright: meta.copyright,
      generator: meta.generator,
    });
    expect(feed.items).toHaveLength(items.length);
    feed.items.forEach((item, i) => {
      const gold = items[i]!;
      expect(item).toMatchObject({ title: gold.title, link: gold.link, pubDate: gold.pubDate, published: gold.isoDate, author: gold.creator });
      expect(item.content ?? '').toBe(gold.content);
    });
  });

  it('reads the second GB2312 feed (no stylesheet line) in its encoding', () => {
    const feed = parseFeed(read('encoding-gb2312.v2.xml'));
    expect(feed.title).toBe('互联网');
    expect(feed.items[0]!.title).toBe('拟298亿元重组盛大游戏后 世纪华通发20亿回购预案');
  });

  it('reads a large Atom feed with full HTML content', () => {
    const feed = parseFeed(read('o2team-atom.xml'), 'application/atom+xml', 'https://aotu.io/atom.xml');
    expect(feed.format).toBe('atom');
    expect(feed.items).toHaveLength(99);
    expect(feed.items[0]).toMatchObject({ title: 'vim给代码行尾加分号的几种方法', link: 'https://aotu.io/notes/2016/12/08/vim-4/', published: '2016-12-08T02:25:35.000Z' });
    expect(feed.items[0]!.content!.length).toBeGreaterThan(500);
  });

  it('reads JSON Feed and refuses what is not a feed', () => {
    const json = { version: 'https://jsonfeed.org/version/1.1', title: '订阅', items: [{ id: '1', url: 'https://x.example/1', title: '一', content_html: '<p>正文</p>', attachments: [{ url: 'https://x.example/a.pdf', mime_type: 'application/pdf' }] }] };
    const feed = parseFeed(new TextEncoder().encode(JSON.stringify(json)));
    expect(feed.items[0]).toMatchObject({ id: '1', title: '一', content: '<p>正文</p>', enclosures: [{ url: 'https://x.example/a.pdf' }] });
    expect(() => parseFeed(new TextEncoder().encode('<html><body>hi</body></html>'))).toThrow(/not an RSS, Atom or JSON feed/);
    expect(() => parseFeed(new TextEncoder().encode('{"a":1}'))).toThrow(/not a JSON Feed/);
  });
});
