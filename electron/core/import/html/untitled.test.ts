import { describe, expect, it } from 'vitest';
import { importHtml, openingTitle } from './index';

const page = (head: string, body: string): Uint8Array => new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body><div class="content">${body}</div></body></html>`);
const BODY = '<p>人心不会熄灭，但它可能蒙上灰烬而不再燃烧。灰烬本来是燃烧的产物，但它反过来又抑制了燃烧。拨开灰烬，你会看到重新燃烧的人心。</p><p>第二段：这是一篇足够长的文章正文，用来让正文抽取认出它来，而不是把它当作页面的边角料。</p>';

describe('a page without a title', () => {
  it('is titled by its first sentence when its file name says nothing, and loses no text', () => {
    const doc = importHtml(page('', BODY), '5dc3fa2d-6734-41e9-8520-a9c7c91ae1f8.html');
    expect(doc.title).toBe('人心不会熄灭，但它可能蒙上灰烬而不再燃烧');
    expect(doc.text).toContain('人心不会熄灭，但它可能蒙上灰烬而不再燃烧。');
  });

  it('keeps a file name that says something, and a title the page has', () => {
    expect(importHtml(page('', BODY), '灰烬与人心.html').title).toBe('灰烬与人心');
    expect(importHtml(page('<title>灰烬与人心_某某网</title>', BODY), '0123456789abcdef0123.html').title).toBe('灰烬与人心');
  });

  it('cuts a long opening without a sentence end', () => {
    expect(openingTitle('本报讯 （实习记者 樊亮 张明超 记者惠禾）13岁，正是花季的年龄，可13岁的李某却成了妈妈。')).toBe('本报讯 （实习记者 樊亮 张明超 记者惠禾）13岁，正是花季…');
    expect(openingTitle('\n  \n')).toBeUndefined();
  });
});
