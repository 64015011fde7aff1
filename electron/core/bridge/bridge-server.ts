import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventBus } from '../../../shared/contract/event-bus';
import type { CommandRouter } from '../../../shared/contract/router';
import { bridgePath, bridgeRequestSchema, bridgeTokenParam, type BridgeMessage } from '../../../shared/contract/wire';
import { buildContentSecurityPolicy } from '../../../shared/security/content-security-policy';
import type { Logger } from '../logging/logger';
import { readStaticFile } from './static-files';

export interface BridgeServerOptions {
  router: CommandRouter;
  events: EventBus;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  logger: Logger;
  /** 0 picks a free port. */
  port?: number;
  /** Extra CSP connect-src entries (the central API once the renderer talks to it). */
  connectSources?: readonly string[];
}

export interface BridgeServer {
  /** The address to open in a browser, token included (in the fragment, so it is never sent in a request). */
  url: string;
  origin: string;
  /** The socket actually bound, as the OS reports it; null once closed. */
  address(): AddressInfo | null;
  close(): Promise<void>;
}

/** Loopback only: the bridge hands out the station's data to whoever holds the token. */
const loopbackHost = '127.0.0.1';
const maxMessageBytes = 1024 * 1024;

/**
 * Browser mode's host of the contract: serves the built renderer and carries commands and events
 * over a WebSocket guarded by a random per-run token and an own-origin check.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const log = options.logger.child({ scope: 'bridge' });
  const token = randomBytes(24).toString('base64url');
  const server = createServer((request, response) => void serveStatic(request, response));
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  let origin = '';
  let contentSecurityPolicy = '';

  async function serveStatic(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const file = await readStaticFile(options.staticDir, request.url ?? '/');
    if (file === null) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': file.contentType,
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  server.on('upgrade', (request, socket, head) => {
    const refusal = refuseUpgrade(request, origin, token);
    if (refusal !== null) {
      log.warn({ reason: refusal }, 'bridge connection refused');
      socket.end(`HTTP/1.1 ${refusal === 'not found' ? '404 Not Found' : '403 Forbidden'}\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => serveSocket(webSocket));
  });

  function serveSocket(webSocket: WebSocket): void {
    const send = (message: BridgeMessage) => {
      if (webSocket.readyState === webSocket.OPEN) webSocket.send(JSON.stringify(message));
    };
    const unsubscribe = options.events.subscribe((event, payload) => send({ type: 'event', event, payload }));
    webSocket.on('close', unsubscribe);
    webSocket.on('message', async (data) => {
      const request = parseRequest(data.toString());
      if (request === null) {
        log.warn('malformed bridge message');
        webSocket.close(1008, 'malformed message');
        return;
      }
      send({ type: 'result', id: request.id, result: await options.router.dispatch(request.command, request.input) });
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, loopbackHost, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${loopbackHost}:${port}`;
  contentSecurityPolicy = buildContentSecurityPolicy({
    connectSources: [`ws://${loopbackHost}:${port}`, ...(options.connectSources ?? [])],
  });
  log.info({ origin }, 'bridge listening');

  return {
    url: `${origin}/#${bridgeTokenParam}=${token}`,
    origin,
    address: () => server.address() as AddressInfo | null,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Why an upgrade request is refused, or null to accept it. */
export function refuseUpgrade(request: IncomingMessage, ownOrigin: string, token: string): string | null {
  const url = new URL(request.url ?? '/', ownOrigin);
  if (url.pathname !== bridgePath) return 'not found';
  // A page on another site could otherwise script a connection to our port.
  if (request.headers.origin !== ownOrigin) return 'foreign origin';
  const offered = Buffer.from(url.searchParams.get(bridgeTokenParam) ?? '');
  const expected = Buffer.from(token);
  if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) return 'bad token';
  return null;
}

function parseRequest(text: string) {
  try {
    const parsed = bridgeRequestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
