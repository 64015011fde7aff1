// Test-only fault injection (PUT /admin/faults): the station's sync engine must survive a server
// that is slow, fails, throttles, drops the connection mid-answer or trickles its answer out.
// Latency, 500, 429 and a refusal (400/401/403/422) strike before the handler runs, so nothing is
// stored; a reset, a slow body or an unreadable answer (200 with a body no schema allows) strike
// after it, so the work is done but the station may never hear of it — exactly the case idempotent
// upload exists for, and the answers a station must never read as a pass. Only /v1 routes are
// affected, never /admin or the citizen app (/citizen).

import { randomInt } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultKind, FaultPlan } from './api-types';
import { sendProblem } from './problem';
import { createRandom, type Random } from '../shared/random/prng';

const DEFAULT_LATENCY_MS = 500;
/** How long a slow body takes to trickle out unless the plan says (its `latencyMs`). */
const DEFAULT_DRIBBLE_MS = 1000;
const DRIBBLE_CHUNKS = 10;
const DEFAULT_RETRY_AFTER_S = 1;

type Fault = FaultPlan['faults'][number];
export type ResponseFault = { kind: Extract<FaultKind, 'reset' | 'slow-body' | 'unreadable'>; durationMs: number };

declare module 'fastify' {
  interface FastifyRequest {
    /** A fault to apply to this request's response, drawn when it arrived. */
    responseFault: ResponseFault | null;
  }
}

/** Writes part of the body, then drops the connection: the client has headers and a torn body. */
function tornBody(payload: Buffer, response: ServerResponse): Readable {
  let written = false;
  return new Readable({
    read() {
      if (!written) {
        written = true;
        this.push(payload.subarray(0, Math.max(1, Math.floor(payload.length / 2))));
        return;
      }
      // Asked for more: the first part is on its way to the socket, so cut it now.
      setImmediate(() => response.destroy());
    },
  });
}

/** The body in equal chunks spread over `durationMs`. */
function dribbledBody(payload: Buffer, durationMs: number): Readable {
  const size = Math.max(1, Math.ceil(payload.length / DRIBBLE_CHUNKS));
  const chunks = Array.from({ length: Math.ceil(payload.length / size) }, (_, index) => payload.subarray(index * size, (index + 1) * size));
  const interval = durationMs / Math.max(1, chunks.length);
  return new Readable({
    read() {
      const chunk = chunks.shift();
      setTimeout(() => {
        if (!this.destroyed) this.push(chunk ?? null);
      }, chunk ? interval : 0);
    },
  });
}

export class FaultInjector {
  private faults: Fault[] = [];
  private random: Random = createRandom(0);

  /** Replaces the plan; an empty list turns faults off. Without a seed the draws differ per plan. */
  setPlan(plan: FaultPlan): void {
    this.faults = plan.faults;
    this.random = createRandom(plan.seed ?? randomInt(2 ** 31));
  }

  /** Draws which faults strike this request, in plan order. */
  private draw(path: string): Fault[] {
    return this.faults.filter((fault) => (fault.paths === undefined || fault.paths.includes(path)) && this.random() < fault.probability);
  }

  install(app: FastifyInstance): void {
    app.decorateRequest('responseFault', null);
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.routeOptions.url;
      if (this.faults.length === 0 || path === undefined || !path.startsWith('/v1/')) return;
      const struck = this.draw(path);
      const latency = struck.find((fault) => fault.kind === 'latency');
      if (latency) await sleep(latency.latencyMs ?? DEFAULT_LATENCY_MS);
      for (const fault of struck) {
        if (fault.kind === 'error-500') return sendProblem(reply, 500, 'internal', 'injected fault');
        if (fault.kind === 'rate-limit-429') {
          reply.header('retry-after', String(fault.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S));
          return sendProblem(reply, 429, 'rate_limited', 'injected fault: retry later');
        }
        if (fault.kind === 'refuse') return sendProblem(reply, fault.status ?? 400, fault.status === 401 ? 'unauthorized' : 'invalid_request', 'injected fault: refused');
        if (fault.kind === 'reset' || fault.kind === 'slow-body' || fault.kind === 'unreadable') {
          request.responseFault = { kind: fault.kind, durationMs: fault.latencyMs ?? DEFAULT_DRIBBLE_MS };
          return;
        }
      }
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const fault = request.responseFault;
      if (!fault || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
      // A stream goes out chunked: the length would promise bytes that never come.
      reply.removeHeader('content-length');
      if (fault.kind === 'unreadable') return JSON.stringify({ answer: 'not what the document says' });
      const body = Buffer.from(payload);
      return fault.kind === 'reset' ? tornBody(body, reply.raw) : dribbledBody(body, fault.durationMs);
    });
  }
}
