import { z } from 'zod';

/** Messages of the browser-mode WebSocket bridge (the IPC host uses Electron's own framing). */
export const bridgeRequestSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  command: z.string().max(64),
  input: z.unknown().optional(),
});
export type BridgeRequest = z.infer<typeof bridgeRequestSchema>;

export const bridgeMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int(), result: z.unknown() }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type BridgeMessage = z.infer<typeof bridgeMessageSchema>;

/** The WebSocket path, and the query parameter carrying the per-run token. */
export const bridgePath = '/bridge';
export const bridgeTokenParam = 'token';
