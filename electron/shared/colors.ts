/**
 * The highlight colours, in the order the toolbar offers them: the contract accepts these and
 * the UI draws these.
 *
 * @example
 * HIGHLIGHT_COLORS[0]; // → 'yellow'
 */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
