/**
 * Drag and drop onto the window: while files are dragged over it, a sheet says where they go;
 * dropped files and folders are imported (the caller gets them with their relative names).
 *
 * @example
 * <DropZone onDrop={(files) => importFiles(files)} />
 */
import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { droppedFiles, type Picked } from './dropped';

const carriesFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function DropZone({ onDrop }: { onDrop(files: Picked[]): void }) {
  const { t } = useT();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overIt = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const leave = (): void => {
      depth = Math.max(0, depth - 1);
      if (!depth) setOver(false);
    };
    const drop = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      void droppedFiles(e.dataTransfer!).then(onDrop);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overIt);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overIt);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onDrop]);
  if (!over) return null;
  return (
    <div className="drop-sheet" data-testid="drop-sheet">
      <div>
        <strong>{t('import.drop.title')}</strong>
        <p>{t('import.drop.body')}</p>
      </div>
    </div>
  );
}
