// POST /v1/passages/batch. The batch envelope is validated on the way in; each passage is then
// checked against the document's PassageUpload on its own, so one malformed passage is answered
// `rejected` instead of failing — and forever blocking — the station's whole queue.

import type { FastifyInstance } from 'fastify';
import type { PassageResult, PassageUpload } from '../api-types';
import { componentSchema, type OpenApiDocument } from '../openapi';
import { uploadPassages } from '../passages/upload';
import { addOperation, type ApiContext } from './context';

/** The document's PassageBatch with its items loosened to "an object": items are checked one by one. */
function envelopeOf(doc: OpenApiDocument): object {
  const batch = doc.components.schemas.PassageBatch as { properties: { passages: object } };
  return { ...batch, properties: { ...batch.properties, passages: { ...batch.properties.passages, items: { type: 'object' } } } };
}

export function registerPassageRoutes(app: FastifyInstance, doc: OpenApiDocument, context: ApiContext): void {
  const isPassage = context.contract.compile<PassageUpload>(componentSchema('PassageUpload'));
  addOperation(
    app,
    doc,
    'uploadPassages',
    (request) => {
      const items = (request.body as { passages: Record<string, unknown>[] }).passages;
      const valid: PassageUpload[] = [];
      const invalid = new Map<number, PassageResult>();
      items.forEach((item, index) => {
        if (isPassage(item)) valid.push(item);
        else invalid.set(index, { id: typeof item.id === 'string' ? item.id : '', status: 'rejected', reason: `invalid: ${context.contract.errorsText(isPassage.errors, { dataVar: 'passage' })}` });
      });
      const stored = uploadPassages(context.db, context.passages, request.stationId ?? '', valid, context.now())[Symbol.iterator]();
      const results = items.map((_, index) => invalid.get(index) ?? (stored.next().value as PassageResult));
      const count = (status: string) => results.filter((result) => result.status === status).length;
      request.log.info({ station: request.stationId, accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected') }, 'passages uploaded');
      return { results };
    },
    { body: envelopeOf(doc) },
  );
}
