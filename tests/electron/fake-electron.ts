import { EventEmitter } from 'node:events';
import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  IpcMain,
  IpcMainInvokeEvent,
  Protocol,
  SafeStorage,
  Session,
  WebContents,
} from 'electron';

/**
 * The parts of Electron the shell uses, as fakes typed against Electron's own declarations (each
 * class `implements` a Pick of the real interface), so a renamed or retyped API fails to compile.
 * Install with `vi.mock('electron', () => createFakeElectron())` inside `vi.hoisted`.
 */

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter implements Pick<WebContents, 'send' | 'reload' | 'setWindowOpenHandler'> {
  readonly sent: unknown[][] = [];
  reloads = 0;
  windowOpenHandler: Parameters<WebContents['setWindowOpenHandler']>[0] | null = null;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  reload(): void {
    this.reloads += 1;
  }
  setWindowOpenHandler(handler: Parameters<WebContents['setWindowOpenHandler']>[0]): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow
  extends EventEmitter
  implements Pick<BrowserWindow, 'show' | 'focus' | 'restore' | 'isMinimized' | 'isDestroyed' | 'loadURL'>
{
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  shown = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return false;
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.emit('ready-to-show');
  }
}

export class FakeApp extends EventEmitter implements Pick<App, 'requestSingleInstanceLock' | 'whenReady' | 'quit' | 'exit' | 'relaunch' | 'setLoginItemSettings' | 'isPackaged'> {
  readonly exitCodes: number[] = [];
  readonly loginItemSettings: Parameters<App['setLoginItemSettings']>[0][] = [];
  relaunches = 0;
  /** Resolves at the first `exit`, like the process ending. */
  readonly exited: Promise<number>;
  private resolveExit!: (code: number) => void;
  constructor(
    private readonly hasLock = true,
    /** An installed app, or one run from a checkout. */
    readonly isPackaged = false,
  ) {
    super();
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  /** Like Electron: `before-quit` first; quitting goes on only if nobody prevented it. */
  quit(): void {
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.exit(0);
  }
  exit(exitCode = 0): void {
    this.exitCodes.push(exitCode);
    this.resolveExit(exitCode);
  }
  relaunch(): void {
    this.relaunches += 1;
  }
  setLoginItemSettings(settings: Parameters<App['setLoginItemSettings']>[0]): void {
    this.loginItemSettings.push(settings);
  }
}

export class FakeIpcMain implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

export class FakeSession implements Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> {
  requestHandler: Parameters<Session['setPermissionRequestHandler']>[0] = null;
  checkHandler: Parameters<Session['setPermissionCheckHandler']>[0] = null;
  setPermissionRequestHandler(handler: Parameters<Session['setPermissionRequestHandler']>[0]): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: Parameters<Session['setPermissionCheckHandler']>[0]): void {
    this.checkHandler = handler;
  }
}

/** Emits `shutdown` (Linux and macOS powering off). */
export class FakePowerMonitor extends EventEmitter {}

/** A keychain that "seals" by reversing the bytes: enough to prove the sealed file is not the key. */
export const fakeSafeStorage: Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'> = {
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptStringAsync: async (text) => Buffer.from(text).reverse(),
  decryptStringAsync: async (sealed) => ({ result: Buffer.from(sealed).reverse().toString(), shouldReEncrypt: false }),
};

export function createFakeElectron(options: { packaged?: boolean } = {}) {
  const protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'> = { registerSchemesAsPrivileged: () => {}, handle: () => {} };
  const dialog: Pick<Dialog, 'showErrorBox'> & { errors: string[] } = { errors: [], showErrorBox: (_title, content) => void dialog.errors.push(content) };
  return {
    app: new FakeApp(true, options.packaged ?? false),
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    session: { defaultSession: new FakeSession() },
    safeStorage: fakeSafeStorage,
    protocol,
    dialog,
    powerMonitor: new FakePowerMonitor(),
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
