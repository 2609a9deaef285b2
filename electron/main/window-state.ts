/**
 * The window's size and place, remembered between runs (`window-state.json` in the user data
 * folder) and put back only where a screen still shows it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, screen, type BrowserWindow, type Rectangle } from 'electron';

interface State {
  bounds: Rectangle;
  maximized: boolean;
}

const file = (): string => join(app.getPath('userData'), 'window-state.json');

export function savedWindowState(): Partial<State> {
  try {
    const state = JSON.parse(readFileSync(file(), 'utf8')) as State;
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      const b = state.bounds;
      return b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y;
    });
    return visible ? state : {};
  } catch {
    return {};
  }
}

/** Saves the window's state whenever it closes. */
export function rememberWindowState(win: BrowserWindow): void {
  win.on('close', () => {
    try {
      writeFileSync(file(), JSON.stringify({ bounds: win.getNormalBounds(), maximized: win.isMaximized() } satisfies State));
    } catch {
      // Not remembering the window is not worth an error.
    }
  });
}
