/**
 * 复习 in core: cards from highlights (whole quote, cloze) and from a topic's 提法, scheduled by
 * FSRS; the queue within the day's limits; undo; a deleted highlight's card suspended and back with
 * it; the log replayed on open to the same states ts-fsrs gives; stats; the Anki export.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEmptyCard, fsrs, type Card } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { examWeight, groupOf } from '../../electron/core/review/review';
import type { Highlight } from '../../electron/shared/types';
import { readAnkiPackage } from '../support/anki';
import { yandu } from '../support/cli';
import { writeNotes } from '../support/fixtures';
import { tempDir } from '../support/tmp';

const DAY = 86_400_000;

describe('复习', () => {
  it('makes cards, schedules them as ts-fsrs does, replays the log to the same states, and suspends a deleted highlight’s cards', async () => {
    const root = await tempDir('review-');
    const library = join(root, 'library');
    const notes = await writeNotes(root);
    let clock = Date.UTC(2026, 11, 1, 1, 0, 0);
    let core = await createCore({ libraryDir: library, now: () => clock });
    await core.api.addPaths({ paths: [notes.md] });
    const [doc] = await core.api.listDocuments({});
    const text = (await core.api.getDocument({ id: doc!.id })).text!;
    const quote = text.match(/[^。\n]*形式主义[^。\n]*。/)![0];
    const start = text.indexOf(quote);
    const h: Highlight = await core.api.addHighlight({ docId: doc!.id, start, end: start + quote.length, color: 'yellow' });

    // A cloze hides the taxonomy's 提法 proposed for the quote, or words the user marks.
    const proposed = await core.api.proposeCloze({ highlightId: h.id });
    expect(proposed).toContain('形式主义');
    const cloze = await core.api.addReviewCard({ highlightId: h.id, kind: 'cloze', hide: ['形式主义'] });
    const whole = await core.api.addReviewCard({ highlightId: h.id, kind: 'quote' });
    expect((await core.api.addReviewCard({ highlightId: h.id, kind: 'quote' })).id).toBe(whole.id); // once per highlight
    await expect(core.api.addReviewCard({ highlightId: h.id, kind: 'cloze', hide: ['不在原句里'] })).rejects.toMatchObject({ key: 'review.cloze-empty' });

    let queue = await core.api.reviewQueue({});
    expect(queue.items.map((i) => i.card.id)).toEqual([cloze.id, whole.id]); // new cards, oldest first
    const item = queue.items[0]!;
    expect(item.front).not.toContain('形式主义');
    expect(item.back).toBe(quote);
    expect(item.answers).toEqual(['形式主义']);
    expect(item.source).toMatchObject({ docId: doc!.id, highlightId: h.id });

    // Graded on the days it falls due, as ts-fsrs would schedule it on its own.
    const reference = fsrs({ request_retention: 0.9, enable_fuzz: true });
    let ref: Card = createEmptyCard(new Date(clock));
    const ratings = [3, 3, 1, 3, 4, 2, 3, 3] as const;
    for (const rating of ratings) {
      const preview = await core.api.previewGrades({ id: cloze.id });
      const graded = await core.api.gradeCard({ id: cloze.id, rating });
      ref = reference.next(ref, new Date(clock), rating).card;
      const mine = (await core.api.listReviewCards({ highlightId: h.id })).find((c) => c.id === graded.id)!;
      expect(mine.fsrs.due).toBe(ref.due.getTime());
      expect(mine.fsrs.stability).toBeCloseTo(ref.stability, 10);
      expect(mine.fsrs.difficulty).toBeCloseTo(ref.difficulty, 10);
      expect(mine.fsrs.state).toBe(ref.state);
      expect(preview[rating]).toBe(ref.due.getTime()); // the button said when it would come back
      clock = Math.max(clock + 60_000, ref.due.getTime());
    }
    // Undo (Z) takes back the last grade, and only that.
    const before = (await core.api.listReviewCards({})).find((c) => c.id === whole.id)!.fsrs;
    await core.api.gradeCard({ id: whole.id, rating: 1 });
    expect((await core.api.undoGrade({})).undone?.id).toBe(whole.id);
    expect((await core.api.listReviewCards({})).find((c) => c.id === whole.id)!.fsrs).toEqual(before);
    const states = (await core.api.listReviewCards({})).map((c) => [c.id, c.fsrs] as const);
    const stats = await core.api.reviewStats({});
    expect(stats.days.reduce((n, d) => n + d.reviews, 0)).toBe(ratings.length); // the undone grade not counted
    await core.close();

    // The log alone (the snapshot removed) gives the same cards.
    await import('node:fs/promises').then((fs) => fs.rm(join(library, 'review', 'cards.json')));
    core = await createCore({ libraryDir: library, now: () => clock });
    expect((await core.api.listReviewCards({})).map((c) => [c.id, c.fsrs] as const)).toEqual(states);

    // Deleting the highlight suspends its cards; restoring it brings them back.
    await core.api.removeHighlight({ id: h.id });
    clock += 400 * DAY;
    expect((await core.api.reviewQueue({})).items).toEqual([]);
    expect((await core.api.reviewStats({})).states.suspended).toBe(2);
    await core.api.restoreHighlight({ id: h.id });
    queue = await core.api.reviewQueue({});
    expect(queue.items.map((i) => i.card.id).sort()).toEqual([cloze.id, whole.id].sort());

    // The Anki export: tab-separated Cloze notes, a tag per topic, the quote card hiding the whole quote.
    await core.api.updateHighlight({ id: h.id, topics: ['作风建设/形式主义'] });
    const anki = await core.api.exportAnki({ format: 'tsv' });
    const lines = anki.content.trim().split('\n');
    expect(lines.slice(0, 5)).toEqual(['#separator:tab', '#html:false', '#notetype:Cloze', '#deck:研读复习', '#tags column:3']);
    const notes2 = lines.slice(5).map((l) => l.split('\t'));
    expect(notes2).toHaveLength(2);
    for (const note of notes2) {
      expect(note).toHaveLength(3);
      expect(note[0]).toMatch(/\{\{c1::[^}]+\}\}/);
      expect(note[2]!.split(' ')).toEqual(['研读', '作风建设::形式主义']);
    }
    expect(notes2.map((n) => n[0]!).some((t) => t.includes(`{{c1::${quote}}}`))).toBe(true);
    expect(notes2.map((n) => n[0]!).some((t) => t.includes('{{c1::形式主义}}'))).toBe(true);
    await core.close();
  }, 60_000);

  it('keeps to the day’s limits, makes a topic’s 提法 into cards, and counts the day’s work', async () => {
    const root = await tempDir('review-limits-');
    let clock = Date.UTC(2026, 11, 1, 1, 0, 0);
    const core = await createCore({ libraryDir: join(root, 'library'), now: () => clock });
    const topic = (await core.api.listTopics({})).find((t) => t.phrases.filter((p) => p.length >= 2).length >= 7)!;
    const { added } = await core.api.addTopicCards({ topic: topic.path });
    expect(added).toBe(topic.phrases.filter((p) => p.length >= 2).length);
    expect((await core.api.addTopicCards({ topic: topic.path })).added).toBe(0); // not twice
    await core.api.setPreferences({ review: { newPerDay: 3 } });
    let queue = await core.api.reviewQueue({});
    expect(queue.items).toHaveLength(3);
    expect(queue.items[0]!.back).toBe(queue.items[0]!.card.text);
    expect(queue.byTopic).toEqual([{ topic: groupOf(topic.path), due: 3 }]);
    expect([groupOf('科目/申论/公文'), groupOf('民生保障/教育'), groupOf('科目')]).toEqual(['科目/申论', '民生保障', '科目']);
    for (const i of queue.items) await core.api.gradeCard({ id: i.card.id, rating: 3 });
    queue = await core.api.reviewQueue({});
    expect(queue.doneToday).toEqual({ new: 3, reviews: 3 });
    // The three graded come back as learning cards in minutes; no new ones beyond the limit today.
    expect(queue.items.every((i) => i.card.fsrs.state !== 0)).toBe(true);
    clock += 1 * DAY;
    expect((await core.api.reviewQueue({})).items.filter((i) => i.card.fsrs.state === 0)).toHaveLength(Math.min(3, added - 3));
    const log = (await readFile(join(root, 'library', 'review', 'log.jsonl'), 'utf8')).trim().split('\n');
    expect(log.filter((l) => l.includes('"t":"grade"'))).toHaveLength(3);
    await expect(core.api.setPreferences({ review: { retention: 0.99 } })).rejects.toMatchObject({ code: 'bad-arguments' });
    await core.close();
  }, 60_000);

  it('keeps a late-evening session going: a learning step due just after midnight is still offered', async () => {
    const root = await tempDir('review-midnight-');
    let clock = new Date(2026, 11, 1, 23, 55, 0).getTime(); // local time, five minutes to midnight
    const core = await createCore({ libraryDir: join(root, 'library'), now: () => clock });
    const topic = (await core.api.listTopics({})).find((t) => t.phrases.filter((p) => p.length >= 2).length >= 2)!;
    await core.api.addTopicCards({ topic: topic.path });
    await core.api.setPreferences({ review: { newPerDay: 1 } });
    const [first] = (await core.api.reviewQueue({})).items;
    await core.api.gradeCard({ id: first!.card.id, rating: 3 });
    const graded = (await core.api.reviewQueue({})).items.find((i) => i.card.id === first!.card.id);
    expect(graded?.card.fsrs.due).toBeGreaterThan(new Date(2026, 11, 2, 0, 0, 0).getTime()); // after midnight…
    expect(graded?.card.fsrs.state).toBe(1); // …and offered, as a learning step
    // A review card due tomorrow is not pulled forward.
    clock = graded!.card.fsrs.due;
    await core.api.gradeCard({ id: first!.card.id, rating: 4 });
    expect((await core.api.reviewQueue({})).items.some((i) => i.card.id === first!.card.id)).toBe(false);
    await core.close();
  }, 60_000);

  it('answers `yandu review --due --json` and `yandu review --anki` from the command line', async () => {
    const root = await tempDir('review-cli-');
    const library = join(root, 'library');
    const notes = await writeNotes(root);
    const core = await createCore({ libraryDir: library });
    await core.api.addPaths({ paths: [notes.md] });
    const [doc] = await core.api.listDocuments({});
    const text = (await core.api.getDocument({ id: doc!.id })).text!;
    const h = await core.api.addHighlight({ docId: doc!.id, start: 0, end: Math.min(20, text.length), color: 'green' });
    const card = await core.api.addReviewCard({ highlightId: h.id, kind: 'quote' });
    await core.close();
    const due = await yandu(['review', '--due', '--json', '--library', library]);
    expect(due.code, due.stderr).toBe(0);
    const queue = JSON.parse(due.stdout) as { items: { card: { id: string }; back: string }[]; due: { new: number } };
    expect(queue.items.map((i) => i.card.id)).toEqual([card.id]);
    expect(queue.items[0]!.back).toBe(text.slice(0, Math.min(20, text.length)));
    expect(queue.due.new).toBe(1);
    const human = await yandu(['review', '--library', library]);
    expect(human.stdout).toContain('今日复习');
    expect(human.stdout).toContain(card.id);
    const anki = await yandu(['review', '--anki', '--format', 'tsv', '--library', library]);
    expect(anki.stdout.split('\n')[2]).toBe('#notetype:Cloze');
    expect(anki.stdout).toContain('{{c1::');
    // The package: binary, so it needs --out; its collection holds the card's note.
    const refused = await yandu(['review', '--anki', '--library', library]);
    expect(refused.code).toBe(2);
    const out = join(root, 'cards.apkg');
    const written = await yandu(['review', '--anki', '--out', out, '--library', library]);
    expect(written.code, written.stderr).toBe(0);
    const apkg = await readAnkiPackage(await readFile(out));
    expect(apkg.notes).toHaveLength(1);
    expect(apkg.notes[0]!.flds.split('\x1f')[0]).toContain(`{{c1::${text.slice(0, Math.min(20, text.length)).replace(/\n+/g, '<br>')}}}`);
  }, 60_000);

  it('goes into the backup with its cards, their state and their log, and comes back from it', async () => {
    const root = await tempDir('review-backup-');
    const notes = await writeNotes(root);
    let clock = Date.UTC(2026, 11, 1, 1, 0, 0);
    const first = await createCore({ libraryDir: join(root, 'a'), now: () => clock });
    await first.api.addPaths({ paths: [notes.md] });
    const [doc] = await first.api.listDocuments({});
    const h = await first.api.addHighlight({ docId: doc!.id, start: 0, end: 12, color: 'blue' });
    const card = await first.api.addReviewCard({ highlightId: h.id, kind: 'quote' });
    await first.api.gradeCard({ id: card.id, rating: 3 });
    clock += 600_000;
    await first.api.gradeCard({ id: card.id, rating: 3 });
    const state = (await first.api.listReviewCards({}))[0]!.fsrs;
    const backup = await first.api.backup({});
    await first.close();

    // Another library with the same file: the highlight, then its card with its state and log.
    const second = await createCore({ libraryDir: join(root, 'b'), now: () => clock });
    await second.api.addPaths({ paths: [notes.md] });
    const report = await second.api.restore({ content: backup.content });
    expect(report).toMatchObject({ highlights: 1, cards: 1 });
    const [restored] = await second.api.listReviewCards({});
    expect(restored).toMatchObject({ id: card.id, highlightId: h.id });
    expect(restored!.fsrs).toEqual(state);
    expect((await second.api.reviewStats({})).days.reduce((n, d) => n + d.reviews, 0)).toBe(2);
    expect((await second.api.restore({ content: backup.content })).cards).toBeUndefined(); // twice adds nothing
    await second.close();
  }, 60_000);

  it('gives 今日回顾: the same highlights all day, drawn toward those never reviewed', async () => {
    const root = await tempDir('review-daily-');
    const notes = await writeNotes(root);
    let clock = Date.UTC(2026, 11, 1, 1, 0, 0);
    const core = await createCore({ libraryDir: join(root, 'lib'), now: () => clock });
    await core.api.addPaths({ paths: [notes.md] });
    const [doc] = await core.api.listDocuments({});
    const hs: Highlight[] = [];
    for (let i = 0; i < 4; i++) hs.push(await core.api.addHighlight({ docId: doc!.id, start: i * 5, end: i * 5 + 4, color: 'yellow' }));
    // Two reviewed many times, two never.
    for (const h of hs.slice(0, 2)) {
      const card = await core.api.addReviewCard({ highlightId: h.id, kind: 'quote' });
      for (let g = 0; g < 4; g++) {
        await core.api.gradeCard({ id: card.id, rating: 3 });
        clock += 3 * DAY;
      }
    }
    const today = await core.api.dailyHighlights({ n: 1 });
    expect(await core.api.dailyHighlights({ n: 1 })).toEqual(today); // the same all day
    expect(today[0]!.title).toBe(doc!.title);
    const picked = new Map<string, number>();
    for (let d = 0; d < 300; d++) {
      clock += DAY;
      const [one] = await core.api.dailyHighlights({ n: 1 });
      picked.set(one!.highlight.id, (picked.get(one!.highlight.id) ?? 0) + 1);
    }
    const never = (picked.get(hs[2]!.id) ?? 0) + (picked.get(hs[3]!.id) ?? 0);
    const reviewed = (picked.get(hs[0]!.id) ?? 0) + (picked.get(hs[1]!.id) ?? 0);
    expect(never).toBeGreaterThan(3 * reviewed); // weights 6 against 1: about 6×
    expect(reviewed).toBeGreaterThan(0); // but not never
    await core.close();
  }, 60_000);

  it('favours in 今日回顾 the highlights of a topic whose exam is near', async () => {
    expect(examWeight(['科目/申论/公文'], [{ topic: '科目/申论', date: '2026-12-10' }], '2026-12-09')).toBeCloseTo(1 + 3 * (1 - 1 / 90));
    expect(examWeight(['民生保障'], [{ topic: '科目/申论', date: '2026-12-10' }], '2026-12-09')).toBe(1); // not its topic
    expect(examWeight(['科目/申论'], [{ topic: '科目/申论', date: '2026-12-01' }], '2026-12-09')).toBe(1); // the exam is past
    expect(examWeight(['科目/申论'], [{ topic: '科目/申论', date: '2027-06-01' }], '2026-12-09')).toBe(1); // too far ahead

    const root = await tempDir('review-exams-');
    const notes = await writeNotes(root);
    let clock = Date.UTC(2026, 11, 1, 1, 0, 0);
    const core = await createCore({ libraryDir: join(root, 'lib'), now: () => clock });
    await core.api.addPaths({ paths: [notes.md] });
    const [doc] = await core.api.listDocuments({});
    const exam = await core.api.addHighlight({ docId: doc!.id, start: 0, end: 4, color: 'yellow' });
    const other = await core.api.addHighlight({ docId: doc!.id, start: 10, end: 14, color: 'yellow' });
    await core.api.updateHighlight({ id: exam.id, topics: ['科目/申论'] });
    const start = clock;
    const draw = async (): Promise<{ exam: number; other: number }> => {
      const picks = { exam: 0, other: 0 };
      clock = start;
      for (let d = 0; d < 80; d++) {
        clock += 86_400_000;
        const [one] = await core.api.dailyHighlights({ n: 1 });
        if (one!.highlight.id === exam.id) picks.exam++;
        else if (one!.highlight.id === other.id) picks.other++;
      }
      return picks;
    };
    const without = await draw();
    await core.api.setPreferences({ review: { exams: [{ topic: '科目/申论', date: '2027-02-28' }] } });
    expect((await core.api.getPreferences({})).review.exams).toEqual([{ topic: '科目/申论', date: '2027-02-28' }]);
    const before = await draw();
    // The same days' draws: with the exam ahead its highlight wins more of them, and more than the other.
    expect(before.exam).toBeGreaterThan(without.exam);
    expect(before.exam).toBeGreaterThan(1.4 * before.other); // weights from 1.03× to 3.7× over the 80 days before
    await core.close();
  }, 60_000);
});
