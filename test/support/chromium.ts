/**
 * Launches Debian's Chromium through playwright-core with the flags this machine needs (no
 * network but loopback); playwright gives every launch a fresh temporary profile. `YANDU_CHROMIUM` overrides the binary.
 *
 * @example
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export function chromiumPath(): string {
  const candidates = [process.env.YANDU_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) throw new Error('test: no Chromium found; install it with `apt-get install -y chromium` or set YANDU_CHROMIUM.');
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Calls the web host's API from inside a page, with the page's own session token (what the UI
 * itself would send).
 *
 * @example
 * const api = pageApi(page);
 * const docs = await api<DocumentSummary[]>('listDocuments', {});
 */
export function pageApi(page: Page): <T>(method: string, args: object) => Promise<T> {
  return async <T,>(method: string, args: object): Promise<T> =>
    page.evaluate(
      async ([m, a]) => {
        const r = await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('yandu.token')}` }, body: JSON.stringify(a) });
        return ((await r.json()) as { result: unknown }).result;
      },
      [method, args] as const,
    ) as Promise<T>;
}
