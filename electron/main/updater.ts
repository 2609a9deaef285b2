/**
 * Updates from GitHub releases (electron-updater), only in the installed app: never in
 * development. Checks once after start, quietly; 检查更新 in the menu checks and says what it found.
 */
import { app, dialog } from 'electron';
import electronUpdater from 'electron-updater';
import type { LogFile } from '../core/index.js';

export interface Updater {
  /** Checks now; `quiet` says nothing unless an update is ready. */
  check(quiet: boolean): Promise<void>;
}

export function createUpdater(log: LogFile): Updater {
  if (!app.isPackaged) {
    return {
      async check(quiet) {
        if (!quiet) await dialog.showMessageBox({ type: 'info', message: '开发版不检查更新', detail: '安装版会从 GitHub 发布页检查并下载新版本。' });
      },
    };
  }
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.on('error', (e) => log.write('warn', 'update:', e));
  autoUpdater.on('update-downloaded', (info) => {
    log.write('info', 'update downloaded', info.version);
    void dialog
      .showMessageBox({ type: 'info', message: `研读 ${info.version} 已下载`, detail: '重启后完成更新。', buttons: ['立即重启', '稍后'], defaultId: 0, cancelId: 1 })
      .then(({ response }) => response === 0 && autoUpdater.quitAndInstall());
  });
  return {
    async check(quiet) {
      try {
        const result = await autoUpdater.checkForUpdates();
        const latest = result?.updateInfo.version;
        if (!quiet && (!latest || latest === app.getVersion())) await dialog.showMessageBox({ type: 'info', message: '已是最新版本', detail: `研读 ${app.getVersion()}` });
        else if (!quiet) await dialog.showMessageBox({ type: 'info', message: `发现新版本 ${latest}`, detail: '正在后台下载，完成后会提示重启。' });
      } catch (e) {
        log.write('warn', 'update check failed:', e);
        if (!quiet) await dialog.showMessageBox({ type: 'warning', message: '检查更新失败', detail: '请检查网络后再试。研读离线也能正常使用。' });
      }
    },
  };
}
