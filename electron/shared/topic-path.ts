/**
 * Topic paths (`基层治理/基层减负`): a topic includes its sub-topics, everywhere topics filter.
 *
 * @example
 * underTopic('基层治理/基层减负', '基层治理'); // → true
 * underTopic('基层治理者', '基层治理');        // → false
 */
export const underTopic = (path: string, root: string): boolean => path === root || path.startsWith(`${root}/`);

/** Whether any of `paths` lies under any of `roots`. */
export const anyUnder = (paths: readonly string[] | undefined, roots: readonly string[]): boolean => Boolean(paths?.some((p) => roots.some((r) => underTopic(p, r))));

/**
 * 科目 (the exam's subjects: 申论, 公共基础知识…) are not themes: suggested and charted apart.
 *
 * @example
 * isSubject('科目/申论·策论'); // → true
 * isSubject('民生保障/教育');  // → false
 */
export const isSubject = (path: string): boolean => underTopic(path, '科目');
