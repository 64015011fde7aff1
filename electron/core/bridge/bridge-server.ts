import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventBus } from '../../../shared/contract/event-bus';
import { fail } from '../../../shared/contract/result';
import type { CommandRouter } from '../../../shared/contract/router';
import { bridgePath, bridgeRequestSchema, bridgeTokenParam, type BridgeMessage, type BridgeRequest } from '../../../shared/contract/wire';
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
/** RFC 6455 close codes for messages that are frames ws accepted but not requests of ours. */
const closeUnsupportedData = 1003;
const closePolicyViolation = 1008;

/**
 * Browser mode's host of the contract: serves the built renderer and carries commands and events
 * over a WebSocket guarded by a random per-run token and an own-origin check. Whatever a client
 * sends (a malformed request, a bad frame, a reset mid-handshake), only its own connection ends:
 * every socket and server here has an error path, logged without the bytes that caused it.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const log = options.logger.child({ scope: 'bridge' });
  const token = randomBytes(24).toString('base64url');
  const server = createServer((request, response) => {
    serveStatic(request, response).catch((error: unknown) => {
      log.error({ err: error }, 'bridge static file failed');
      if (response.headersSent) response.destroy();
      else response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('internal error');
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  let origin = '';
  let contentSecurityPolicy = '';

  // The parser's refusal of a request (error.rawPacket holds its bytes, token included: never logged).
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    log.warn({ code: error.code }, 'malformed HTTP request');
    if (error.code === 'ECONNRESET' || !socket.writable) socket.destroy();
    else refuseConnection(socket, error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request');
  });

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

  server.on('upgrade', (request, socket: Duplex, head) => {
    // Node hands the raw socket over with no error listener: a peer resetting it while it is answered would throw.
    socket.on('error', (error: NodeJS.ErrnoException) => log.warn({ code: error.code }, 'bridge connection failed'));
    const refusal = refuseUpgrade(request, origin, token);
    if (refusal !== null) {
      log.warn({ reason: refusal }, 'bridge connection refused');
      refuseConnection(socket, refusal === 'not found' ? '404 Not Found' : '403 Forbidden');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => serveSocket(webSocket));
  });
  // A handshake ws cannot complete (no key, a wrong version): with this listener, answering it is ours.
  sockets.on('wsClientError', (error: Error, socket: Duplex) => {
    log.warn({ reason: error.message }, 'bridge handshake refused');
    refuseConnection(socket, '400 Bad Request');
  });

  function serveSocket(webSocket: WebSocket): void {
    const send = (message: BridgeMessage) => {
      if (webSocket.readyState === webSocket.OPEN) webSocket.send(JSON.stringify(message));
    };
    const refuse = (closeCode: number, reason: string) => {
      log.warn({ closeCode, reason }, 'malformed bridge message');
      webSocket.close(closeCode, reason);
    };
    const unsubscribe = options.events.subscribe((event, payload) => send({ type: 'event', event, payload }));
    webSocket.on('close', unsubscribe);
    // A frame ws refuses (invalid UTF-8, RSV bits, unmasked, past maxPayload): ws has already closed
    // this socket with the matching code; without this listener the 'error' would end the process.
    webSocket.on('error', (error: NodeJS.ErrnoException) => log.warn({ code: error.code }, 'bad bridge frame'));
    webSocket.on('message', (data, isBinary) => {
      if (isBinary) return refuse(closeUnsupportedData, 'binary message');
      const request = parseRequest(data.toString());
      if (request === null) return refuse(closePolicyViolation, 'malformed message');
      void answer(request, send);
    });
  }

  /** The router never throws by contract; if it does, or its answer cannot be sent, the caller still hears back. */
  async function answer(request: BridgeRequest, send: (message: BridgeMessage) => void): Promise<void> {
    try {
      send({ type: 'result', id: request.id, result: await options.router.dispatch(request.command, request.input) });
    } catch (error) {
      log.error({ command: request.command, err: error }, 'bridge command failed');
      send({ type: 'result', id: request.id, result: fail('internal', `${request.command}: internal error`) });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, loopbackHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After the start, a failure to accept (out of file descriptors) costs that connection only.
  server.on('error', (error) => log.error({ err: error }, 'bridge server failed'));
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
  // A request target such as `//[` is not a URL even against our origin.
  if (!URL.canParse(request.url ?? '/', ownOrigin)) return 'not found';
  const url = new URL(request.url ?? '/', ownOrigin);
  if (url.pathname !== bridgePath) return 'not found';
  // A page on another site could otherwise script a connection to our port.
  if (request.headers.origin !== ownOrigin) return 'foreign origin';
  const offered = Buffer.from(url.searchParams.get(bridgeTokenParam) ?? '');
  const expected = Buffer.from(token);
  if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) return 'bad token';
  return null;
}

/** Answers a connection we will not serve and drops it once the answer is out: nothing more is read from it. */
function refuseConnection(socket: Duplex, status: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
}

function parseRequest(text: string) {
  try {
    const parsed = bridgeRequestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
