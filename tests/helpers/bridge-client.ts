import WebSocket from 'ws';

/** A contract client of a running `station serve`, straight to its bridge (token and own Origin), as the page is. */
export interface BridgeClient {
  socket: WebSocket;
  invoke(command: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
  nextEvent(event: string): Promise<Record<string, unknown>>;
  close(): void;
}

export async function connectBridge(station: { url: string; origin: string }): Promise<BridgeClient> {
  const token = new URL(station.url).hash.replace('#token=', '');
  const socket = new WebSocket(`ws://127.0.0.1:${new URL(station.origin).port}/bridge?token=${token}`, { origin: station.origin });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let nextId = 1;
  const nextMessage = (wanted: (message: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as Record<string, unknown>;
        if (!wanted(message)) return;
        socket.off('message', onMessage);
        resolve(message);
      };
      socket.on('message', onMessage);
    });
  return {
    socket,
    async invoke(command, input) {
      const id = nextId++;
      const answer = nextMessage((message) => message.type === 'result' && message.id === id);
      socket.send(JSON.stringify({ type: 'invoke', id, command, input }));
      return (await answer).result as { ok: boolean; value?: unknown };
    },
    nextEvent: (event) => nextMessage((message) => message.type === 'event' && message.event === event),
    close: () => socket.close(),
  };
}
