/**
 * The main window: isolated, sandboxed, no Node in the page; navigation and new windows refused
 * except to the app's own origin (http(s) links open in the system browser). Its size and place
 * are remembered.
 */
import { join } from 'node:path';
import { BrowserWindow, shell } from 'electron';
import { navigationDecision } from '../core/index.js';
import { APP_ORIGIN } from './protocol.js';
import { rememberWindowState, savedWindowState } from './window-state.js';

export function createMainWindow(preloadDir: string): BrowserWindow {
  const saved = savedWindowState();
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    ...saved.bounds,
    minWidth: 900,
    minHeight: 600,
    title: '研读',
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => {
    if (saved.maximized) win.maximize();
    win.show();
  });
  rememberWindowState(win);

  const devUrl = process.env.ELECTRON_RENDERER_URL;
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (navigationDecision(url, APP_ORIGIN, devUrl) === 'external') void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    const decision = navigationDecision(url, APP_ORIGIN, devUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'external') void shell.openExternal(url);
  });

  void win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
