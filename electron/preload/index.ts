/**
 * Exposes `window.yandu`: exactly the contract's methods (each one IPC invoke), `subscribe` for
 * events, and `pathForFile` (the path of a file dropped on the window or picked, so that it is
 * imported in place rather than sent by content). Nothing else of Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { eventChannel, ipcChannel, methodNames } from '../shared/methods.js';
import type { YanduEvent } from '../shared/types.js';

const methods = Object.fromEntries(
  methodNames.map((name) => [name, (args: unknown) => ipcRenderer.invoke(ipcChannel(name), args ?? {})]),
);

contextBridge.exposeInMainWorld('yandu', {
  ...methods,
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
  subscribe(listener: (event: YanduEvent) => void): () => void {
    const handler = (_event: IpcRendererEvent, payload: YanduEvent): void => listener(payload);
    ipcRenderer.on(eventChannel, handler);
    return () => ipcRenderer.removeListener(eventChannel, handler);
  },
});
