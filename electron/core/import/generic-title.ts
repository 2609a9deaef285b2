/**
 * Titles that name no document: what converters and editors write by default into a file's
 * metadata (`Microsoft Word - 文档1`, `PowerPoint 演示文稿`, `Untitled`, `新建 Microsoft Word 文档`).
 * Importers pass over them to the document's own heading or first line.
 *
 * @example
 * withoutConverter('Microsoft Word - 关于做好遴选工作的通知.docx'); // → '关于做好遴选工作的通知.docx'
 * isGenericTitle('PowerPoint 演示文稿');                           // → true
 * isGenericTitle('标题党现象评析');                                 // → false
 */

/** A converter's prefix before the name of the file it printed. */
export const withoutConverter = (title: string): string => title.trim().replace(/^Microsoft (?:Word|PowerPoint|Excel) - /i, '');

const GENERIC = /^(?:word\s*文档|文档\s*\d*|document\s*\d*|新建.*|未命名.*|无标题.*|untitled.*|slide\s*\d+|幻灯片\s*\d*|(?:powerpoint\s*)?演示文稿\s*\d*|microsoft (?:word|powerpoint|excel).*|title|标题)$/i;

/** Whether a metadata title names no document (after a converter's prefix). */
export const isGenericTitle = (title: string): boolean => GENERIC.test(withoutConverter(title));
