/**
 * The hand-labelled documents of topic suggestions, read as Yandu reads them: the 276 人民日报
 * commentaries (test/data/rmrb-topic-labels.json) and 75 laws plus the article fixture
 * (test/data/topic-labels.json). Each has a split: `test` documents are held out from tuning
 * and training (every third by file name, in each set); `tune` ones train the shipped model and
 * set its constants. Imported into a library (optionally with other `resources/`), so titles and
 * texts are exactly what suggestions see.
 *
 * @example
 * const { core, docs } = await importLabelled(dir);
 * docs[0]; // → { set: 'rmrb', file: 'html/…', topics: ['民生保障/教育'], split: 'tune', id: 'd_…', title, text }
 * await core.close();
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createCore, type Core } from '../../electron/core/index';
import { SHARED } from './shared';

export interface LabelledDoc {
  set: 'rmrb' | 'laws';
  file: string;
  topics: string[];
  split: 'tune' | 'test';
}

export interface ReadDoc extends LabelledDoc {
  id: string;
  title: string;
  text: string;
}

const data = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', name), 'utf8'));

/** Every labelled document, with its split. */
export function labelledDocs(): LabelledDoc[] {
  const rmrb = (data('rmrb-topic-labels.json') as { items: { file: string; topics: string[]; split: 'tune' | 'test' }[] }).items;
  const laws = (data('topic-labels.json') as { items: { source: string; file: string; topics: string[] }[] }).items;
  const sorted = [...laws].sort((a, b) => (a.file < b.file ? -1 : 1));
  return [
    ...rmrb.map((l) => ({ set: 'rmrb' as const, file: l.file, topics: l.topics, split: l.split })),
    ...sorted.map((l, i) => ({ set: 'laws' as const, file: l.file, topics: l.topics, split: i % 3 === 2 ? ('test' as const) : ('tune' as const) })),
  ];
}

/** Imports every labelled document into `<dir>/library` and reads back its title and text. */
export async function importLabelled(dir: string, resourcesDir?: string): Promise<{ core: Core; docs: ReadDoc[] }> {
  const labels = labelledDocs();
  const files = join(dir, 'files');
  mkdirSync(files, { recursive: true });
  const laws = labels.filter((l) => l.set === 'laws' && l.file.startsWith('laws/')).map((l) => l.file);
  execFileSync('tar', ['-xJf', join(SHARED, 'corpus', 'text', 'laws.tar.xz'), '-C', files, ...laws]);
  const byPath = new Map<string, LabelledDoc>();
  for (const l of labels) {
    if (l.set === 'rmrb') byPath.set(join(SHARED, 'corpus', l.file), l);
    else if (l.file.startsWith('laws/')) byPath.set(join(files, l.file), l);
    else {
      const to = join(files, basename(l.file));
      copyFileSync(join(SHARED, l.file), to);
      byPath.set(to, l);
    }
  }
  const core = await createCore({ libraryDir: join(dir, 'library'), ...(resourcesDir ? { resourcesDir } : {}) });
  try {
    const report = await core.api.addPaths({ paths: [...byPath.keys()] });
    if (report.failed.length) throw new Error(`labelled corpus: ${report.failed.length} files failed: ${report.failed[0]!.path}: ${report.failed[0]!.error}`);
    const docs: ReadDoc[] = [];
    for (const { id, path } of report.added) {
      const d = await core.api.getDocument({ id });
      docs.push({ ...byPath.get(path)!, id, title: d.title, text: d.pages ? d.pages.join('\f') : (d.text ?? '') });
    }
    return { core, docs };
  } catch (e) {
    await core.close();
    throw e;
  }
}
