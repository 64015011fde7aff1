import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a local port, that a test cuts and restores: a client's
 * connection drops as a real one does (a station restarting, a cable pulled), with no hook in the
 * product. Bytes pass untouched, so HTTP, the WebSocket upgrade and its Origin header are the client's own.
 */
export interface TcpProxy {
  port: number;
  /** Connections it carried so far: proof the client really goes through it. */
  carried(): number;
  /** Drops every connection it carries and refuses new ones until `restore()`. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const live = new Set<Socket>();
  let refusing = false;
  let carried = 0;
  const server = createServer((client) => {
    if (refusing) return void client.destroy();
    carried++;
    const upstream = connect(targetPort, '127.0.0.1');
    // Either side failing or closing ends the pair, as a broken link would.
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      live.add(socket);
      socket.on('error', end).on('close', () => {
        live.delete(socket);
        end();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dropAll = () => {
    for (const socket of live) socket.destroy();
  };
  return {
    port: (server.address() as AddressInfo).port,
    carried: () => carried,
    cut() {
      refusing = true;
      dropAll();
    },
    restore() {
      refusing = false;
    },
    close: () =>
      new Promise((resolve) => {
        dropAll();
        server.close(() => resolve());
      }),
  };
}
