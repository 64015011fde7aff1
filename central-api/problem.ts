import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

/** The document's Problem: a stable `code` a station can act on, and a message for people. */
export interface Problem {
  code: string;
  message: string;
}

/** The document's `Problem.message` maxLength: a longer answer would break the contract and become a 500. */
export const PROBLEM_MESSAGE_MAX = 500;

/** `text` cut to `max` characters (code points, as the document counts them), marked with an ellipsis. */
export function truncate(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

export function sendProblem(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ code, message: truncate(message, PROBLEM_MESSAGE_MAX) } satisfies Problem);
}

const codeForStatus: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * Every error becomes a Problem. Validation messages name the field and the rule, never the value
 * sent (ajv does not echo data), so they are safe to return and to log; a request breaking many
 * rules at once gets the first 500 characters of the list.
 */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.validation ? 400 : (error.statusCode ?? 500);
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendProblem(reply, 500, 'internal', 'internal error');
    }
    return sendProblem(reply, status, codeForStatus[status] ?? 'invalid_request', error.message);
  });
}
