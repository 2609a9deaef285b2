/**
 * Carries the API over Electron IPC with one loop: one channel per contract method, each handler
 * checks that the call comes from the app's own top frame, validates the arguments against the
 * contract and returns `{ result }` or `{ error }` (plain JSON, so the renderer rebuilds the same
 * YanduError as over HTTP). Events go to every window on one channel.
 */
import { BrowserWindow, ipcMain } from 'electron';
import { gateCall } from '../core/index.js';
import type { YanduApi } from '../shared/contract.js';
import { eventChannel, ipcChannel, methodNames } from '../shared/methods.js';
import type { YanduEvent } from '../shared/types.js';
import { APP_ORIGIN } from './protocol.js';

/** Sends an event to every window (core's events, and the menu's commands). */
export function broadcast(event: YanduEvent): void {
  for (const win of BrowserWindow.getAllWindows()) if (!win.isDestroyed()) win.webContents.send(eventChannel, event);
}

export function registerIpc(api: YanduApi, on: (listener: (e: YanduEvent) => void) => () => void): () => void {
  for (const name of methodNames) {
    ipcMain.handle(ipcChannel(name), (event, raw: unknown) => {
      const frame = event.senderFrame;
      return gateCall(api, name, raw, { url: frame?.url, top: Boolean(frame && frame === event.sender.mainFrame) }, APP_ORIGIN);
    });
  }
  const off = on(broadcast);
  return () => {
    off();
    for (const name of methodNames) ipcMain.removeHandler(ipcChannel(name));
  };
}
