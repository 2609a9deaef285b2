/**
 * Anki notes as an `.apkg`: a zip of `collection.anki2` (an SQLite collection in Anki's schema 11,
 * which every Anki since 2.1 imports) and an empty `media` map. The package carries its own note
 * type, 研读填空 (fields Text and 出处, one cloze template), and its own deck, 研读复习, under fixed
 * ids: importing needs no choice of note type whatever language Anki is set up in, and importing
 * a later export updates the same notes (by guid) in the same deck.
 *
 * @example
 * const bytes = await ankiPackage(ankiNotes(items, highlights), Date.now());
 * await writeFile('研读复习卡片.apkg', bytes);
 */
import { createHash } from 'node:crypto';
import initSqlJs from 'sql.js';
import { writeZip } from '../util/zip-write.js';
import { ANKI_DECK, type AnkiNote } from './anki.js';

/** Fixed ids: the same note type and deck in every export. */
export const ANKI_MODEL_ID = 1764000000001;
export const ANKI_DECK_ID = 1764000000002;
export const ANKI_MODEL_NAME = '研读填空';

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

const CSS = '.card { font-family: "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 22px; line-height: 1.7; text-align: left; color: black; background-color: white; }\n.cloze { font-weight: bold; color: #1d4ed8; }\n.nightMode .cloze { color: #93c5fd; }\n.source { margin-top: 1em; font-size: 15px; color: #6b7280; }';

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Anki's checksum of a note's first field: the first 8 hex digits of its SHA-1, as a number. */
export function fieldChecksum(field: string): number {
  const plain = field.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return parseInt(createHash('sha1').update(plain).digest('hex').slice(0, 8), 16);
}

function collectionJson(nowS: number) {
  const deck = (id: number, name: string) => ({
    id, name, collapsed: false, browserCollapsed: false, conf: 1, desc: '', dyn: 0, extendNew: 0, extendRev: 0, mod: nowS, usn: -1,
    newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0],
  });
  const model = {
    id: ANKI_MODEL_ID, name: ANKI_MODEL_NAME, type: 1, mod: nowS, usn: -1, sortf: 0, did: ANKI_DECK_ID, tags: [], vers: [], css: CSS,
    latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    req: [[0, 'any', [0]]],
    flds: ['Text', '出处'].map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    tmpls: [{ name: '填空', ord: 0, qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<div class="source">{{出处}}</div>', bqfmt: '', bafmt: '', did: null }],
  };
  const dconf = {
    id: 1, name: 'Default', mod: 0, usn: 0, maxTaken: 60, autoplay: true, timer: 0, replayq: true, dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
  };
  const conf = { activeDecks: [1], curDeck: 1, newSpread: 0, collapseTime: 1200, timeLim: 0, estTimes: true, dueCounts: true, curModel: String(ANKI_MODEL_ID), nextPos: 1, sortType: 'noteFld', sortBackwards: false, addToCur: true };
  return {
    conf: JSON.stringify(conf),
    models: JSON.stringify({ [ANKI_MODEL_ID]: model }),
    decks: JSON.stringify({ 1: deck(1, 'Default'), [ANKI_DECK_ID]: deck(ANKI_DECK_ID, ANKI_DECK) }),
    dconf: JSON.stringify({ 1: dconf }),
  };
}

export async function ankiPackage(notes: AnkiNote[], now: number): Promise<Buffer> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    const nowS = Math.floor(now / 1000);
    db.run(SCHEMA);
    const json = collectionJson(nowS);
    db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [nowS - (nowS % 86_400), now, now, json.conf, json.models, json.decks, json.dconf, '{}']);
    const addNote = db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
    const addCard = db.prepare('INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)');
    db.run('BEGIN');
    let id = now;
    notes.forEach((note, position) => {
      const text = escapeHtml(note.text).replace(/\n/g, '<br>');
      const noteId = id++;
      addNote.run([noteId, note.guid, ANKI_MODEL_ID, nowS, ` ${note.tags.join(' ')} `, `${text}\x1f${escapeHtml(note.source)}`, text, fieldChecksum(text), '']);
      const clozes = new Set([...note.text.matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1])));
      for (const n of [...clozes].sort((a, b) => a - b)) addCard.run([id++, noteId, ANKI_DECK_ID, n - 1, nowS, position + 1, '']);
    });
    db.run('COMMIT');
    addNote.free();
    addCard.free();
    const collection = db.export();
    return writeZip([
      { name: 'collection.anki2', data: collection },
      { name: 'media', data: Buffer.from('{}') },
    ]);
  } finally {
    db.close();
  }
}
