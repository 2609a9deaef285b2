/**
 * What was dropped on the window, as files with the names the user sees: folders are walked
 * (browsers hand over a folder as an entry to read), so dropping 遴选资料/ imports everything in
 * it. In the desktop app the top-level items' paths are enough: core walks folders itself.
 *
 * @example
 * const files = await droppedFiles(event.dataTransfer); // → [{ file, name: '遴选资料/2024/a.pdf' }]
 */
export interface Picked {
  file: File;
  /** Path relative to what was dropped, e.g. `遴选资料/2024/a.pdf`. */
  name: string;
}

const readAll = (reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> =>
  new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = (): void =>
      reader.readEntries((batch) => {
        if (!batch.length) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });

async function walk(entry: FileSystemEntry, prefix: string, out: Picked[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, name: prefix + entry.name });
  } else if (entry.isDirectory) {
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await walk(child, `${prefix}${entry.name}/`, out);
  }
}

/** Every file dropped, folders walked. */
export async function droppedFiles(data: DataTransfer): Promise<Picked[]> {
  const entries = Array.from(data.items)
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  if (!entries.length) return Array.from(data.files).map((file) => ({ file, name: file.name }));
  const out: Picked[] = [];
  for (const entry of entries) await walk(entry, '', out);
  return out;
}

/** A file's content as base64, for `addFiles`. */
export function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
