// A stand-in for the parts of Electron's main-process API that electron/main uses. It records every call,
// then (FAKE_SCENARIO=run) drives the app the way a clerk would: load the page, call the core over IPC
// from our frame and from a foreign one, quit. The record goes to FAKE_OUT as JSON when the process ends.
'use strict';
const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const os = require('node:os');

const record = [];
const log = (...entry) => record.push(entry);
let finished = false;

function finish(code) {
  if (finished) return;
  finished = true;
  fs.writeFileSync(process.env.FAKE_OUT, JSON.stringify(record));
  process.exit(code);
}

const ipcHandlers = new Map();
const protocolHandlers = new Map();
const windows = [];

class FakeApp extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = false;
    this.paths = {};
    this.name = 'electron';
  }
  setName(n) {
    this.name = n;
    log('app.setName', n);
  }
  getName() {
    return this.name;
  }
  setPath(k, v) {
    this.paths[k] = v;
    log('app.setPath', k, v);
  }
  getPath(k) {
    return this.paths[k] ?? os.tmpdir();
  }
  enableSandbox() {
    log('app.enableSandbox');
  }
  setAppUserModelId() {}
  requestSingleInstanceLock() {
    log('app.requestSingleInstanceLock');
    return process.env.FAKE_INSTANCE_LOCK !== 'denied';
  }
  whenReady() {
    log('app.whenReady');
    return new Promise((resolve) => setImmediate(() => {
      log('ready');
      resolve();
    }));
  }
  quit() {
    log('app.quit');
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => { prevented = true; log('before-quit prevented'); } });
    if (!prevented) finish(0);
  }
  exit(code) {
    log('app.exit', code);
    finish(code);
  }
}
const app = new FakeApp();

let nextId = 1;
class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextId++;
    this.sent = [];
  }
  isDestroyed() {
    return false;
  }
  send(...args) {
    log('webContents.send', ...args);
  }
  setWindowOpenHandler() {}
  reload() {}
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    log('BrowserWindow', options);
    this.webContents = new FakeWebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return windows;
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  show() {}
  focus() {}
  restore() {}
  destroy() {}
  async loadURL(url) {
    log('win.loadURL', url);
    if (process.env.FAKE_SCENARIO === 'run') setTimeout(() => runScenario(this).catch((e) => {
      log('scenario error', String(e && e.stack));
      finish(3);
    }), 0);
  }
}

async function runScenario(win) {
  const page = await protocolHandlers.get('app')(new Request('app://ledger/index.html'));
  log('protocol response', page.status, page.headers.get('content-security-policy'), await page.text());
  const invoke = ipcHandlers.get('ledger:invoke');
  const ours = { senderFrame: { url: 'app://ledger/index.html#/', parent: null }, sender: win.webContents };
  log('ipc ours app.info', await invoke(ours, 'app.info', {}));
  log('ipc ours settings.update', await invoke(ours, 'settings.update', { unitName: '某某市第一中学' }));
  const foreign = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: win.webContents };
  log('ipc foreign', await invoke(foreign, 'settings.update', { unitName: '被篡改' }));
  const otherContents = { senderFrame: { url: 'app://ledger/index.html', parent: null }, sender: new FakeWebContents() };
  log('ipc other webContents', await invoke(otherContents, 'app.info', {}));
  app.quit();
}

const noop = () => {};
const fakeSession = () => ({
  setPermissionRequestHandler: noop,
  setPermissionCheckHandler: noop,
  setDevicePermissionHandler: noop,
  webRequest: { onBeforeRequest: noop },
});

module.exports = {
  app,
  BrowserWindow,
  ipcMain: {
    handle: (ch, fn) => {
      log('ipcMain.handle', ch);
      ipcHandlers.set(ch, fn);
    },
    removeHandler: (ch) => ipcHandlers.delete(ch),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => log('protocol.registerSchemesAsPrivileged', schemes),
    handle: (scheme, handler) => {
      log('protocol.handle', scheme);
      protocolHandlers.set(scheme, handler);
    },
  },
  Menu: {
    buildFromTemplate: (template) => template,
    setApplicationMenu: (template) =>
      log('Menu.setApplicationMenu', template.map((m) => [m.label, (m.submenu || []).map((i) => i.label || i.type)])),
  },
  dialog: {
    showErrorBox: (title, message) => log('dialog.showErrorBox', title, message),
    showMessageBox: async () => ({ response: 1 }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true }),
  },
  session: { defaultSession: fakeSession(), fromPartition: fakeSession },
  shell: { openPath: async () => '', openExternal: async () => {} },
};
