/**
 * The hand labels of the 人民日报 commentaries stay usable: every commentary labelled once with
 * one to three themes that the taxonomy has (or that the file proposes, with a description),
 * and a held-out part of about a third to report on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rmrbLabels } from '../support/topic-figures';
import { RMRB } from '../support/twins';

interface Node {
  name: string;
  children?: Node[];
}

describe('hand labels of the commentaries', () => {
  it('cover every commentary once, with known or proposed themes, and hold a third out', () => {
    const { items, proposed } = rmrbLabels();
    const files = readdirSync(join(RMRB, 'html')).filter((f) => f.endsWith('.html'));
    expect(items.map((i) => i.file.split('/').pop()).sort()).toEqual(files.sort());
    const taxonomy = JSON.parse(readFileSync(join(process.cwd(), 'resources', 'topics', 'zh-CN.json'), 'utf8')) as { roots: Node[] };
    const paths = new Set<string>();
    const walk = (nodes: Node[], prefix: string): void => {
      for (const n of nodes) {
        const path = prefix ? `${prefix}/${n.name}` : n.name;
        paths.add(path);
        walk(n.children ?? [], path);
      }
    };
    walk(taxonomy.roots, '');
    for (const item of items) {
      expect(item.topics.length, item.file).toBeGreaterThanOrEqual(1);
      expect(item.topics.length, item.file).toBeLessThanOrEqual(3);
      for (const t of item.topics) expect(paths.has(t) || Boolean(proposed[t]), `${item.file}: ${t}`).toBe(true);
    }
    for (const t of Object.keys(proposed)) expect(paths.has(t), `${t} is proposed but already in the taxonomy`).toBe(false);
    const held = items.filter((i) => i.split === 'test').length;
    expect(held / items.length).toBeGreaterThan(0.3);
  });
});
