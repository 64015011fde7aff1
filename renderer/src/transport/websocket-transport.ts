import type { Transport } from '../../../shared/contract/client';
import { bridgeMessageSchema, bridgePath, bridgeTokenParam } from '../../../shared/contract/wire';

export type LinkState = 'connecting' | 'open' | 'closed';

const reconnectDelaysMs = [250, 500, 1000, 2000, 4000];

/**
 * Browser mode's way to the core: one WebSocket to the local bridge, re-opened when it drops
 * (the station process restarted), with pending calls failed rather than left hanging.
 */
export function createWebSocketTransport(token: string, onLinkState: (state: LinkState) => void): Transport {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${bridgePath}?${bridgeTokenParam}=${encodeURIComponent(token)}`;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let nextId = 1;
  let attempt = 0;
  let socket: WebSocket;
  let opened: Promise<void>;

  function connect(): void {
    onLinkState('connecting');
    socket = new WebSocket(url);
    opened = new Promise((resolve, reject) => {
      socket.addEventListener('open', () => {
        attempt = 0;
        onLinkState('open');
        resolve();
      });
      socket.addEventListener('close', () => reject(new Error('bridge closed')));
    });
    opened.catch(() => undefined);
    socket.addEventListener('message', (message) => handleMessage(String(message.data)));
    socket.addEventListener('close', () => {
      onLinkState('closed');
      for (const call of pending.values()) call.reject(new Error('bridge closed'));
      pending.clear();
      const delay = reconnectDelaysMs[Math.min(attempt++, reconnectDelaysMs.length - 1)];
      setTimeout(connect, delay);
    });
  }

  function handleMessage(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    const message = bridgeMessageSchema.safeParse(json);
    if (!message.success) return;
    if (message.data.type === 'result') {
      pending.get(message.data.id)?.resolve(message.data.result);
      pending.delete(message.data.id);
    } else {
      for (const listener of listeners) listener(message.data.event, message.data.payload);
    }
  }

  connect();

  return {
    async invoke(command, input) {
      await opened;
      // Closed since it opened and not re-opened yet: sent now, the call would go nowhere and never be answered.
      if (socket.readyState !== WebSocket.OPEN) throw new Error('bridge closed');
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        socket.send(JSON.stringify({ type: 'invoke', id, command, input }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The bridge token arrives in the URL fragment (never sent to a server). It is kept for this tab
 * only and removed from the address bar so it is not shown or bookmarked.
 */
export function takeBridgeToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get(bridgeTokenParam);
  if (fromHash !== null) {
    sessionStorage.setItem(bridgeTokenParam, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem(bridgeTokenParam);
}
