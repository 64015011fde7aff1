// Reference data for offline work: the verdict rules, the vaccine-passport business rules and
// trust list (each with an ETag) and the deny list (as deltas).

import type { FastifyInstance } from 'fastify';
import { DEFAULT_RULE_SET } from '../../shared/rules/default-rules';
import { sha256 } from '../db/hash';
import { denyListDelta } from '../db/deny-list';
import type { OpenApiDocument } from '../openapi';
import { REFERENCE_DCC_RULES } from '../dcc/business-rules';
import { trustListBody } from '../dcc/issuer';
import { addOperation, type ApiContext } from './context';

/** A strong ETag of a document's content: it changes exactly when the document does. */
const etagOf = (document: unknown) => `"${sha256(JSON.stringify(document)).slice(0, 32)}"`;

/** If-None-Match: `*` or a list of tags, compared weakly as RFC 9110 says for GET. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

export function registerReferenceRoutes(app: FastifyInstance, doc: OpenApiDocument, context: ApiContext): void {
  const trustList = trustListBody(context.dccSigners);
  const served: [string, unknown, string][] = [
    ['getRules', DEFAULT_RULE_SET, etagOf(DEFAULT_RULE_SET)],
    ['getDccRules', REFERENCE_DCC_RULES, etagOf(REFERENCE_DCC_RULES)],
    ['getDccTrustList', trustList.body, trustList.etag],
  ];
  for (const [operationId, body, etag] of served) {
    addOperation(app, doc, operationId, (request, reply) => {
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return body;
    });
  }
  addOperation(app, doc, 'getDenyList', (request) => denyListDelta(context.db, (request.query as { since?: number }).since));
}
