/**
 * The web host survives any request: malformed request targets, broken HTTP, a missing UI build,
 * each answered (400/500) while the host goes on serving. Raw sockets on 127.0.0.1, so the
 * requests are exactly what a hostile page or client could send.
 */
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { newToken, startHttpHost, type HttpHost } from '../../electron/web/http-host';
import { tempDir } from '../support/tmp';

/** Sends `text` as is and returns what comes back before the server closes or 2 s pass. */
function send(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let got = '';
    socket.on('data', (d) => (got += d.toString('latin1')));
    socket.on('close', () => resolve(got));
    socket.on('error', () => resolve(got));
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(got);
    });
  });
}

describe('web host under hostile requests', () => {
  let core: Core;
  let host: HttpHost;

  beforeAll(async () => {
    const root = await tempDir('robust-');
    core = await createCore({ libraryDir: join(root, 'library') });
    // The UI build is missing on purpose.
    host = await startHttpHost({ api: core.api, on: core.on, token: newToken(), staticDir: join(root, 'no-such-build') });
  });
  afterAll(async () => {
    await host?.close();
    await core?.close();
  });

  const alive = async (): Promise<number> =>
    (await fetch(`${host.url}/api/libraryInfo`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }, body: '{}' })).status;

  it('answers malformed request targets with 400 and keeps serving', async () => {
    const head = `Host: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`;
    for (const target of ['//[', '//[::1', 'http://[/', '//%zz@[', '/%', '//\u0000']) {
      const reply = await send(host.port, `GET ${target} HTTP/1.1\r\n${head}`);
      expect(reply, target).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(await alive()).toBe(200);
    }
  });

  it('answers broken HTTP with 400 and keeps serving', async () => {
    expect(await send(host.port, 'GARBAGE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await send(host.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Length: abc\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    expect(await alive()).toBe(200);
  });

  it('refuses an upload that says it is too large before reading it', async () => {
    const head = `POST /api/addFiles HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.token}\r\nContent-Type: application/json\r\nContent-Length: ${2 ** 31}\r\n\r\n`;
    const reply = await send(host.port, `${head}{"files":[`);
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toMatch(/over \d+ MB/);
    expect(await alive()).toBe(200);
  });

  it('says the UI is not built (500) when its folder is missing, and keeps serving', async () => {
    const page = await fetch(`${host.url}/`);
    expect(page.status).toBe(500);
    expect(await page.text()).toContain('npm run build');
    expect((await fetch(`${host.url}/assets/app.js`)).status).toBe(500);
    expect(await alive()).toBe(200);
  });
});
