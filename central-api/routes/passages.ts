// POST /v1/passages/batch. The batch envelope is validated on the way in; each passage is then
// checked against the document's PassageUpload on its own, so one malformed passage is answered
// `rejected` instead of failing — and forever blocking — the station's whole queue.

import type { FastifyInstance } from 'fastify';
import type { PassageResult, PassageUpload } from '../api-types';
import { componentSchema, type OpenApiDocument } from '../openapi';
import { uploadPassages } from '../passages/upload';
import { truncate } from '../problem';
import { addOperation, stationOf, type ApiContext } from './context';

/**
 * 500 passages with every field at its longest, in 3-byte UTF-8 characters (Vietnamese letters
 * with their marks), come to about 7 MiB of JSON; every other operation keeps the server's 64 KiB.
 */
export const BATCH_BODY_LIMIT = 8 * 1024 * 1024;

/** The document's PassageBatch with its items loosened to "an object": items are checked one by one. */
function envelopeOf(doc: OpenApiDocument): object {
  const batch = doc.components.schemas.PassageBatch as { properties: { passages: object } };
  return { ...batch, properties: { ...batch.properties, passages: { ...batch.properties.passages, items: { type: 'object' } } } };
}

export function registerPassageRoutes(app: FastifyInstance, doc: OpenApiDocument, context: ApiContext): void {
  const isPassage = context.contract.compile<PassageUpload>(componentSchema('PassageUpload'));
  const isPassageId = context.contract.compile<string>(componentSchema('PassageId'));
  const reasonMax = (doc.components.schemas.PassageResult as { properties: { reason: { maxLength: number } } }).properties.reason.maxLength;
  addOperation(
    app,
    doc,
    'uploadPassages',
    (request) => {
      const station = stationOf(request);
      const items = (request.body as { passages: Record<string, unknown>[] }).passages;
      const valid: PassageUpload[] = [];
      const invalid = new Map<number, PassageResult>();
      items.forEach((item, index) => {
        if (isPassage(item)) valid.push(item);
        else {
          // Only a well-formed id is repeated back: the answer must keep to the document too.
          const reason = truncate(`invalid: ${context.contract.errorsText(isPassage.errors, { dataVar: 'passage' })}`, reasonMax);
          invalid.set(index, { id: isPassageId(item.id) ? item.id : '', status: 'rejected', reason });
        }
      });
      const stored = uploadPassages(context.db, context.passages, station, valid, context.now())[Symbol.iterator]();
      const results = items.map((_, index) => invalid.get(index) ?? (stored.next().value as PassageResult));
      const count = (status: string) => results.filter((result) => result.status === status).length;
      request.log.info({ station: station.id, accepted: count('accepted'), duplicate: count('duplicate'), rejected: count('rejected') }, 'passages uploaded');
      return { results };
    },
    { body: envelopeOf(doc), bodyLimit: BATCH_BODY_LIMIT },
  );
}
