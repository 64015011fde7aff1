// Reference data for offline work: the verdict rules (with an ETag) and the deny list (as deltas).

import type { FastifyInstance } from 'fastify';
import { DEFAULT_RULE_SET } from '../../shared/rules/default-rules';
import { sha256 } from '../db/hash';
import { denyListDelta } from '../db/deny-list';
import type { OpenApiDocument } from '../openapi';
import { addOperation, type ApiContext } from './context';

/** A strong ETag of the rule set's content: it changes exactly when the rules do. */
const rulesEtag = `"${sha256(JSON.stringify(DEFAULT_RULE_SET)).slice(0, 32)}"`;

/** If-None-Match: `*` or a list of tags, compared weakly as RFC 9110 says for GET. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

export function registerReferenceRoutes(app: FastifyInstance, doc: OpenApiDocument, context: ApiContext): void {
  addOperation(app, doc, 'getRules', (request, reply) => {
    reply.header('etag', rulesEtag).header('cache-control', 'no-cache');
    if (matches(request.headers['if-none-match'], rulesEtag)) return reply.code(304).send();
    return DEFAULT_RULE_SET;
  });
  addOperation(app, doc, 'getDenyList', (request) => denyListDelta(context.db, (request.query as { since?: number }).since));
}
