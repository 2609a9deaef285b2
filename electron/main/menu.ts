/**
 * The application menu, in Chinese: 设置, 打开资料库文件夹 and 打开日志文件夹, 键盘快捷键, 检查更新,
 * and 关于研读 with the version and where the library is.
 */
import { app, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { Updater } from './updater.js';

function about(libraryDir: string): void {
  void dialog.showMessageBox({
    type: 'info',
    title: '关于研读',
    message: `研读 Yandu ${app.getVersion()}`,
    detail: `离线备考资料库：资料同步、中文全文搜索、阅读、标注与专题。\n\n资料库位置：${libraryDir}\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome}`,
    buttons: ['好', '打开资料库文件夹'],
    defaultId: 0,
  }).then(({ response }) => {
    if (response === 1) void shell.openPath(libraryDir);
  });
}

/** What a menu item asks of the window (the renderer shows it: `app.command` events). */
export type MenuCommand = 'shortcuts' | 'settings';

export function installMenu(libraryDir: string, updater: Updater, command: (name: MenuCommand) => void): void {
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ label: '研读', submenu: [{ label: '关于研读', click: () => about(libraryDir) }, { label: '检查更新…', click: () => void updater.check(false) }, { type: 'separator' }, { role: 'quit', label: '退出研读' }] } as MenuItemConstructorOptions] : []),
    {
      label: '文件',
      submenu: [
        { label: '设置…', accelerator: 'CmdOrCtrl+,', click: () => command('settings') },
        { type: 'separator' },
        { label: '打开资料库文件夹', click: () => void shell.openPath(libraryDir) },
        { label: '打开日志文件夹', click: () => void shell.openPath(app.getPath('logs')) },
        { type: 'separator' },
        mac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        { role: 'toggleDevTools', label: '开发者工具', visible: !app.isPackaged },
        { type: 'separator' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    { label: '窗口', submenu: [{ role: 'minimize', label: '最小化' }, { role: 'zoom', label: '缩放' }] },
    {
      label: '帮助',
      submenu: [
        { label: '键盘快捷键', click: () => command('shortcuts') },
        { type: 'separator' },
        { label: '检查更新…', click: () => void updater.check(false) },
        { type: 'separator' },
        { label: '关于研读', click: () => about(libraryDir) },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
