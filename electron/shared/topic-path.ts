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
