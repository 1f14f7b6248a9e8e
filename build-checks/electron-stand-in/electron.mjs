// A recording stand-in for the `electron` module, for loading the BUILT main bundle under plain Node
// (no Electron binary can be downloaded on the machines that run the build checks). It records what
// main asks of Electron and lets the test drive it over the child-process IPC channel: call the
// `app://` protocol handler, invoke an IPC channel as a renderer frame would, quit. It proves the
// bundle and its wiring, not Electron itself.
import { EventEmitter } from 'node:events';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.STAND_IN_DIR;
if (!dir || !process.send) throw new Error('The electron stand-in runs only as a forked child with STAND_IN_DIR set');

// Electron defines it in every process: where extraResources (and app-update.yml) live.
process.resourcesPath = join(dir, 'resources');
mkdirSync(process.resourcesPath, { recursive: true });

const records = [];
function record(what, details = {}) {
  const entry = { what, at: Date.now(), ...details };
  records.push(entry);
  process.send({ type: 'record', entry });
}

/** Plain data only: menu click handlers and the like cannot cross the IPC channel. */
function plain(value) {
  return JSON.parse(JSON.stringify(value, (_key, item) => (typeof item === 'function' ? '[function]' : item)));
}

function preventable() {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

let ready = false;
let quitting = false;

class App extends EventEmitter {
  isPackaged = process.env.STAND_IN_PACKAGED === '1';

  enableSandbox() {
    record('app.enableSandbox', { ready });
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  whenReady() {
    return new Promise((resolve) =>
      setImmediate(() => {
        ready = true;
        record('app.ready');
        this.emit('ready');
        resolve();
      }),
    );
  }
  isReady() {
    return ready;
  }
  getVersion() {
    return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
  }
  getName() {
    return 'Fjernhjelp Admin';
  }
  getLocale() {
    return 'nb';
  }
  getPath(name) {
    const path = join(dir, name);
    mkdirSync(path, { recursive: true });
    return path;
  }
  /** Electron's order: before-quit (which may be prevented), will-quit, quit, then the process ends. */
  quit() {
    const event = preventable();
    this.emit('before-quit', event);
    if (event.defaultPrevented) {
      record('app.quit-prevented');
      return;
    }
    if (quitting) return;
    quitting = true;
    this.emit('will-quit', preventable());
    this.emit('quit', preventable(), 0);
    record('app.quit');
    exitSoon(0);
  }
  exit(code = 0) {
    record('app.exit', { code });
    exitSoon(code);
  }
  setAboutPanelOptions(options) {
    record('app.setAboutPanelOptions', { options: plain(options) });
  }
}

function exitSoon(code) {
  // Let the last records reach the parent before the process ends.
  setImmediate(() => process.exit(code));
}

export const app = new App();

const windows = [];

class WebContents extends EventEmitter {
  id = 1;
  send(channel, payload) {
    record('webContents.send', { channel, payload: plain(payload) });
  }
  reload() {
    record('webContents.reload');
  }
  isDestroyed() {
    return false;
  }
  setWindowOpenHandler(handler) {
    record('webContents.setWindowOpenHandler', { denies: handler({ url: 'https://example.org/' }).action === 'deny' });
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows.filter((window) => !window.destroyed);
  }

  constructor(options) {
    super();
    this.options = options;
    this.destroyed = false;
    this.webContents = new WebContents();
    windows.push(this);
    app.emit('web-contents-created', preventable(), this.webContents);
    record('BrowserWindow.new', { options: plain(options) });
  }
  async loadURL(url) {
    record('window.loadURL', { url });
    setImmediate(() => this.emit('ready-to-show'));
  }
  show() {
    record('window.show');
  }
  focus() {}
  isMinimized() {
    return false;
  }
  restore() {}
  maximize() {
    record('window.maximize');
  }
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: this.options.x ?? 100, y: this.options.y ?? 100, width: this.options.width, height: this.options.height };
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

const schemeHandlers = new Map();

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', { schemes: plain(schemes), ready });
  },
  handle(scheme, handler) {
    schemeHandlers.set(scheme, handler);
    record('protocol.handle', { scheme });
  },
};

const ipcHandlers = new Map();

export const ipcMain = {
  handle(channel, handler) {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, handler);
    record('ipcMain.handle', { channel });
  },
  removeHandler(channel) {
    ipcHandlers.delete(channel);
  },
  on(channel) {
    record('ipcMain.on', { channel });
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      let granted;
      handler(undefined, 'media', (answer) => (granted = answer));
      record('session.setPermissionRequestHandler', { grantsMedia: granted });
    },
    setPermissionCheckHandler(handler) {
      record('session.setPermissionCheckHandler', { grantsMedia: handler(undefined, 'media') });
    },
  },
};

export const dialog = {
  showErrorBox(title, content) {
    record('dialog.showErrorBox', { title, content });
  },
  async showMessageBox(...args) {
    record('dialog.showMessageBox', { options: plain(args.at(-1)) });
    return { response: 0 };
  },
  async showSaveDialog(...args) {
    record('dialog.showSaveDialog', { options: plain(args.at(-1)) });
    return { canceled: true };
  },
};

export const shell = {
  async openExternal(url) {
    record('shell.openExternal', { url });
  },
  async openPath(path) {
    record('shell.openPath', { path });
    return '';
  },
};

/** Main's desktop notifications (campaign reminders): recorded as shown. */
export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
  }
  show() {
    record('Notification.show', { options: plain(this.options) });
  }
}

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    record('Menu.setApplicationMenu', { template: plain(menu?.template ?? null) });
  },
};

export const powerMonitor = new EventEmitter();

export const screen = {
  getAllDisplays() {
    return [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];
  },
};

/** What the test asks of the stand-in; every answer carries the request's id. */
const commands = {
  async fetch({ url }) {
    const handler = schemeHandlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) throw new Error(`No protocol handler for ${url}`);
    const response = await handler(new Request(url));
    return { status: response.status, headers: Object.fromEntries(response.headers), body: (await response.text()).slice(0, 2000) };
  },
  async invoke({ channel, senderUrl, input }) {
    const handler = ipcHandlers.get(channel);
    if (!handler) throw new Error(`No IPC handler for ${channel}`);
    return plain(await handler({ senderFrame: { url: senderUrl }, sender: windows[0]?.webContents }, input));
  },
  async quit() {
    app.quit();
    return null;
  },
  async closeWindow() {
    windows[0]?.close();
    return null;
  },
  async nativeAddons() {
    return (process.report.getReport().sharedObjects ?? []).filter((file) => file.endsWith('.node'));
  },
};

process.on('message', (message) => {
  const command = commands[message?.type];
  if (!command) return;
  command(message).then(
    (result) => process.send({ type: 'answer', id: message.id, result }),
    (error) => process.send({ type: 'answer', id: message.id, error: String(error?.stack ?? error) }),
  );
});
