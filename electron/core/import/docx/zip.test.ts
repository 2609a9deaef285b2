import { deflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../../../../test/support/shared';
import { importDocx } from './index';
import { assertZipWithin, zipEntries } from './zip';

/** A zip of one deflated entry, whose header may lie about its size. */
function zipOf(name: string, content: Buffer, claimedSize = content.length): Buffer {
  const data = deflateRawSync(content, { level: 9 });
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(claimedSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(claimedSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + data.length, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe('Word files inflated with bounds', () => {
  it('refuses a zip bomb whatever size it claims, in bounded memory', async () => {
    const bomb = zipOf('word/document.xml', Buffer.alloc(200 * 2 ** 20, 0x41), 1000); // 200 MB of "A", claims 1 KB
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(zipEntries(bomb)[0]!.size).toBe(1000);
    const before = process.memoryUsage().rss;
    expect(() => assertZipWithin(bomb, { maxEntries: 10, maxXmlBytes: 16 * 2 ** 20 })).toThrow(/inflates past 16 MB/);
    await expect(importDocx(bomb, 'bomb.docx')).rejects.toThrow(/'bomb.docx' is not a Word document Yandu will read .*inflates past 64 MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 2 ** 20);
  }, 30_000);

  it('passes real Word files', () => {
    for (const name of ['demo1.docx', 'party-column-autumn.docx']) expect(() => assertZipWithin(readFileSync(join(SHARED, 'corpus', 'docx', name)), { maxEntries: 5000, maxXmlBytes: 64 * 2 ** 20 })).not.toThrow();
  });
});
