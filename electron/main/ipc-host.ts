import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { EventBus } from '../../shared/contract/event-bus';
import { ipcChannels } from '../../shared/contract/preload-api';
import { fail } from '../../shared/contract/result';
import type { CommandRouter } from '../../shared/contract/router';
import { isTrustedSender } from './security-policy';

/** The parts of Electron the host uses, so tests can hand it typed fakes. */
export type IpcHandlerRegistry = Pick<IpcMain, 'handle' | 'removeHandler'>;
export type EventTarget = Pick<BrowserWindow, 'isDestroyed'> & { webContents: Pick<WebContents, 'send'> };
export type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** The sending frame, as the pure policy sees it. */
export function describeSender(event: InvokeEvent) {
  const frame = event.senderFrame;
  return { frameUrl: frame?.url ?? null, isTopLevelFrame: frame !== null && frame.parent === null };
}

/**
 * Electron's host of the contract: one invoke channel, every call checked for its sender and
 * validated by the router; core events forwarded to the window.
 */
export function registerIpcHost(ipcMain: IpcHandlerRegistry, router: CommandRouter, events: EventBus, window: EventTarget): () => void {
  ipcMain.handle(ipcChannels.invoke, (event, command: unknown, input: unknown) => {
    if (!isTrustedSender(describeSender(event))) return fail('unauthorized', 'IPC from an untrusted frame');
    return router.dispatch(command, input);
  });
  const unsubscribe = events.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(ipcChannels.event, event, payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(ipcChannels.invoke);
  };
}
