/**
 * The desktop shell: one instance, one library, one window. It opens the library with core,
 * registers the API on IPC, serves the renderer from the app's scheme and builds the menu. A
 * damaged library is refused with a dialog that offers the last backup.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { createCore, type Core, resolveLibraryDir, recoverFromBackup, createLogFile } from '../core/index.js';
import { YanduError } from '../shared/errors.js';
import { broadcast, registerIpc } from './ipc.js';
import { desktopSecretStore } from './secrets.js';
import { installMenu } from './menu.js';
import { handleAppScheme, registerSchemePrivileges } from './protocol.js';
import { createUpdater } from './updater.js';
import { createMainWindow } from './window.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const flagIndex = process.argv.indexOf('--library');
const libraryFlag = flagIndex > 0 ? process.argv[flagIndex + 1] : undefined;

registerSchemePrivileges();
const log = createLogFile(app.getPath('logs'));
process.on('uncaughtException', (e) => log.write('error', 'uncaught:', e));
process.on('unhandledRejection', (e) => log.write('error', 'unhandled rejection:', e));
if (!app.requestSingleInstanceLock()) app.quit();

let core: Core | undefined;
let window: BrowserWindow | undefined;

async function openLibrary(libraryDir: string): Promise<Core | undefined> {
  try {
    return await createCore({
      libraryDir,
      owner: 'desktop',
      watch: true,
      secrets: desktopSecretStore(libraryDir),
      downloadsDir: app.getPath('downloads'),
      resourcesDir: join(app.getAppPath(), 'resources'),
      workerEntry: new URL('./import-worker.js', import.meta.url),
      searchWorkerEntry: new URL('./search-worker.js', import.meta.url),
      ocrWorkerEntry: new URL('./ocr-worker.js', import.meta.url),
    });
  } catch (error) {
    const e = YanduError.from(error);
    log.write('error', 'library not opened:', e.code, e.message);
    const canRecover = e.code === 'library-corrupt' && Boolean(e.params?.backup);
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: '无法打开资料库',
      message: '研读无法打开资料库',
      detail: e.message,
      buttons: canRecover ? ['从最近的备份恢复', '退出'] : ['退出'],
      defaultId: 0,
      cancelId: canRecover ? 1 : 0,
    });
    if (canRecover && response === 0) {
      await recoverFromBackup(libraryDir, Date.now());
      return openLibrary(libraryDir);
    }
    return undefined;
  }
}

app.on('second-instance', () => {
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void core?.close();
});

void app.whenReady().then(async () => {
  const libraryDir = resolveLibraryDir({
    flag: libraryFlag,
    env: { ...process.env, YANDU_LIBRARY: process.env.YANDU_LIBRARY ?? join(app.getPath('userData'), 'library') },
    platform: process.platform,
    home: app.getPath('home'),
  });
  core = await openLibrary(libraryDir);
  if (!core) {
    app.quit();
    return;
  }
  log.write('info', `研读 ${app.getVersion()} opened`, libraryDir);
  core.on((event) => {
    if (event.type === 'sync.finished' && event.report.failed.length) log.write('warn', 'import failures:', event.report.failed.slice(0, 20));
  });
  handleAppScheme(join(here, '../renderer'), libraryDir);
  registerIpc(core.api, core.on);
  const updater = createUpdater(log);
  installMenu(libraryDir, updater, (command) => broadcast({ type: 'app.command', command }));
  void updater.check(true);
  window = createMainWindow(join(here, '../preload'));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow(join(here, '../preload'));
  });
});
