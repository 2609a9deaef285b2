/**
 * Reads an `.apkg` back as Anki would open it: the zip's `collection.anki2` opened by SQLite
 * (sql.js), its `col` row's JSON parsed, its notes and cards listed.
 *
 * @example
 * const apkg = await readAnkiPackage(await readFile('cards.apkg'));
 * apkg.models[0].name; // '研读填空'
 */
import initSqlJs from 'sql.js';
import { readEntry, zipEntries } from '../../electron/core/import/docx/zip';

export interface AnkiPackageContents {
  files: string[];
  media: unknown;
  integrity: string;
  col: { ver: number; crt: number; mod: number };
  models: Record<string, unknown>[];
  decks: Record<string, unknown>[];
  dconf: Record<string, unknown>[];
  conf: Record<string, unknown>;
  notes: { id: number; guid: string; mid: number; tags: string; flds: string; sfld: string; csum: number }[];
  cards: { id: number; nid: number; did: number; ord: number; type: number; queue: number; due: number }[];
}

export async function readAnkiPackage(bytes: Uint8Array): Promise<AnkiPackageContents> {
  const entries = zipEntries(bytes);
  const entry = (name: string) => {
    const e = entries.find((x) => x.name === name);
    if (!e) throw new Error(`no ${name} in the package`);
    return readEntry(bytes, e, 256 << 20);
  };
  const SQL = await initSqlJs();
  const db = new SQL.Database(entry('collection.anki2'));
  try {
    const rows = <T>(sql: string): T[] => {
      const [result] = db.exec(sql);
      if (!result) return [];
      return result.values.map((v) => Object.fromEntries(result.columns.map((c, i) => [c, v[i]])) as T);
    };
    const [col] = rows<{ ver: number; crt: number; mod: number; conf: string; models: string; decks: string; dconf: string }>('SELECT * FROM col');
    if (!col) throw new Error('no col row');
    return {
      files: entries.map((e) => e.name),
      media: JSON.parse(entry('media').toString('utf8')),
      integrity: String(db.exec('PRAGMA integrity_check')[0]!.values[0]![0]),
      col: { ver: col.ver, crt: col.crt, mod: col.mod },
      models: Object.values(JSON.parse(col.models) as Record<string, Record<string, unknown>>),
      decks: Object.values(JSON.parse(col.decks) as Record<string, Record<string, unknown>>),
      dconf: Object.values(JSON.parse(col.dconf) as Record<string, Record<string, unknown>>),
      conf: JSON.parse(col.conf) as Record<string, unknown>,
      notes: rows('SELECT id, guid, mid, tags, flds, sfld, csum FROM notes ORDER BY id'),
      cards: rows('SELECT id, nid, did, ord, type, queue, due FROM cards ORDER BY id'),
    };
  } finally {
    db.close();
  }
}
