import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/tmp';
import { createLogFile, redact } from './log-file';

describe('log file', () => {
  it('never writes a token', () => {
    expect(redact('GET /api/events?token=abc123secret&x=1')).toBe('GET /api/events?token=***&x=1');
    expect(redact('Authorization: Bearer s3cr3t-value')).toBe('Authorization: Bearer ***');
    expect(redact('{"token":"my-member-token"}')).toBe('{"token":"***"}');
    expect(redact(`key ${'ab'.repeat(24)} end`)).toBe('key *** end');
    expect(redact('imported 整治形式主义.html in 120 ms')).toBe('imported 整治形式主义.html in 120 ms');
  });

  it('rotates, keeping a bounded number of old files', async () => {
    const dir = await tempDir('log-');
    const log = createLogFile(dir, { maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i++) log.write('info', `line ${i} with some words to fill the file up`);
    expect(readdirSync(dir).sort()).toEqual(['yandu.1.log', 'yandu.2.log', 'yandu.log']);
    expect(readFileSync(log.path, 'utf8')).toContain('line 39');
    expect(readFileSync(log.path, 'utf8').length).toBeLessThanOrEqual(200);
  });
});
