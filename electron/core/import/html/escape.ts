/**
 * Text made safe to put inside HTML (apart from the sanitizer, so that code writing a little HTML
 * — a feed item's page — does not load a DOM).
 *
 * @example
 * escapeHtml('<b>"减负"</b>'); // → '&lt;b&gt;&quot;减负&quot;&lt;/b&gt;'
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
