import { describe, expect, it } from 'vitest';
import { checkedApi } from '../checked-api';
import { gateCall, navigationDecision } from './gate';

const APP = 'yandu://app';

describe('navigation', () => {
  it('stays in the app, hands web addresses to the browser, refuses the rest', () => {
    expect(navigationDecision('yandu://app/index.html#/read/d_1', APP)).toBe('allow');
    expect(navigationDecision('http://localhost:5173/#/search', APP, 'http://localhost:5173/')).toBe('allow');
    expect(navigationDecision('https://www.gov.cn/zhengce/', APP)).toBe('external');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>1</script>', 'yandu://library/files/x.html', 'yandu://app.evil/', 'https://user:pw@example.com/', 'smb://share/x', 'not a url'])
      expect(navigationDecision(url, APP), url).toBe('deny');
  });
});

describe('IPC gate', () => {
  // As core's API is: its arguments checked against the contract.
  const api = checkedApi({ getDocument: async (args) => ({ id: args.id }) as never });
  it('answers the app top frame with valid arguments', async () => {
    expect(await gateCall(api, 'getDocument', { id: 'd_1' }, { url: 'yandu://app/index.html', top: true }, APP)).toEqual({ result: { id: 'd_1' } });
  });
  it('refuses other frames and other origins', async () => {
    expect((await gateCall(api, 'getDocument', { id: 'd_1' }, { url: 'yandu://app/index.html', top: false }, APP)).error?.code).toBe('unauthorized');
    expect((await gateCall(api, 'getDocument', { id: 'd_1' }, { url: 'https://evil.example/', top: true }, APP)).error?.code).toBe('unauthorized');
    expect((await gateCall(api, 'getDocument', { id: 'd_1' }, { url: undefined, top: true }, APP)).error?.code).toBe('unauthorized');
  });
  it('answers invalid arguments with the contract\'s error, and an unknown method with its own', async () => {
    expect((await gateCall(api, 'getDocument', { id: 42 }, { url: 'yandu://app/', top: true }, APP)).error?.code).toBe('bad-arguments');
    expect((await gateCall(api, 'getDocument', { id: 'd_1', extra: true }, { url: 'yandu://app/', top: true }, APP)).error?.code).toBe('bad-arguments');
    expect((await gateCall(api, 'listDocuments', {}, { url: 'yandu://app/', top: true }, APP)).error?.code).toBe('unknown-method');
  });
});
