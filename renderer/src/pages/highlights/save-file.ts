/**
 * Saves a file the API produced (an export, a backup) through the browser's download: the
 * desktop app shows its save dialog, a browser its downloads.
 *
 * @example
 * saveFile(await client.exportHighlights({ format: 'csv' }));
 */
import type { ExportFile } from '../../../../electron/shared/types';

export function saveFile(file: ExportFile): void {
  const bytes = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : new TextEncoder().encode(file.content);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
