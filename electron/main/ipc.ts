/**
 * Carries the API over Electron IPC with one loop: one channel per contract method, each handler
 * checks that the call comes from the app's own top frame, validates the arguments against the
 * contract and returns `{ result }` or `{ error }` (plain JSON, so the renderer rebuilds the same
 * YanduError as over HTTP). Events go to every window on one channel.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { parseArgs, type YanduApi } from '../shared/contract.js';
import { YanduError } from '../shared/errors.js';
import { eventChannel, ipcChannel, methodNames } from '../shared/methods.js';
import type { YanduEvent } from '../shared/types.js';
import { isAppUrl } from './protocol.js';

function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return Boolean(frame && frame === event.sender.mainFrame && isAppUrl(frame.url));
}

export function registerIpc(api: YanduApi, on: (listener: (e: YanduEvent) => void) => () => void): () => void {
  for (const name of methodNames) {
    ipcMain.handle(ipcChannel(name), async (event, raw: unknown) => {
      try {
        if (!trustedSender(event)) throw new YanduError('unauthorized', `ipc: ${name} refused from ${event.senderFrame?.url ?? 'an unknown frame'}.`);
        const args = parseArgs(name, raw);
        return { result: await (api[name] as (a: unknown) => Promise<unknown>)(args) };
      } catch (error) {
        return { error: YanduError.from(error).toJSON() };
      }
    });
  }
  const off = on((event) => {
    for (const win of BrowserWindow.getAllWindows()) if (!win.isDestroyed()) win.webContents.send(eventChannel, event);
  });
  return () => {
    off();
    for (const name of methodNames) ipcMain.removeHandler(ipcChannel(name));
  };
}
