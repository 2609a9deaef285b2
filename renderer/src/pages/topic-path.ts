/**
 * Topic paths in the UI (`基层治理/基层减负`): a topic includes its sub-topics when filtering.
 * (Core has the same rule in core/topics/paths.ts; the renderer imports no core code.)
 *
 * @example
 * underTopic('基层治理/基层减负', '基层治理'); // → true
 */
export const underTopic = (path: string, root: string): boolean => path === root || path.startsWith(`${root}/`);
