/**
 * Exposes `window.yandu`: exactly the contract's methods (each one IPC invoke) and `subscribe`
 * for events. Nothing else of Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, ipcChannel, methodNames } from '../shared/methods.js';
import type { YanduEvent } from '../shared/types.js';

const methods = Object.fromEntries(
  methodNames.map((name) => [name, (args: unknown) => ipcRenderer.invoke(ipcChannel(name), args ?? {})]),
);

contextBridge.exposeInMainWorld('yandu', {
  ...methods,
  subscribe(listener: (event: YanduEvent) => void): () => void {
    const handler = (_event: IpcRendererEvent, payload: YanduEvent): void => listener(payload);
    ipcRenderer.on(eventChannel, handler);
    return () => ipcRenderer.removeListener(eventChannel, handler);
  },
});
