import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for the central API's health endpoint, on 127.0.0.1, whose answer a test controls. */
export async function startHealthServer(port = 0): Promise<{ url: string; setStatus(code: number): void; close(): Promise<void>; server: Server }> {
  let status = 200;
  const server = createServer((request, response) => {
    if (request.url === '/v1/health') response.writeHead(status, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    server,
    setStatus: (code) => {
      status = code;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
