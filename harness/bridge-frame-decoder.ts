import { z } from 'zod';
import { fail, type Result } from '../common/result';
import { zodFieldIssues } from '../common/validation/field-issues';

/** The harness's side of the bridge: a frame from the page, checked before anything reads it. */
export const bridgeRequestSchema = z
  .object({
    id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    // Any name: the dispatcher answers UNKNOWN_CHANNEL for one the contract does not have.
    channel: z.string().min(1).max(200),
    input: z.unknown().optional(),
  })
  .strict();

export type BridgeRequest = z.infer<typeof bridgeRequestSchema>;

export type DecodedFrame = { ok: true; request: BridgeRequest } | { ok: false; id: number | null; result: Result<never> };

/** Reads one text frame from the page: a request, or the typed error to answer it with. */
export function decodeBridgeFrame(text: string): DecodedFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, id: null, result: fail('INVALID_INPUT', 'The bridge frame is not JSON', [{ path: '', code: 'JSON_INVALID', message: reason }]) };
  }
  const parsed = bridgeRequestSchema.safeParse(value);
  if (parsed.success) return { ok: true, request: parsed.data };
  const id = bridgeRequestSchema.shape.id.safeParse((value as { id?: unknown } | null)?.id);
  return {
    ok: false,
    id: id.success ? id.data : null,
    result: fail('INVALID_INPUT', 'The bridge frame is not a request {id, channel, input}', zodFieldIssues(parsed.error, value)),
  };
}

