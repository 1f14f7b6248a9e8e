import { z } from 'zod';
import { channelNames, channels, type ChannelName } from '../common/contract';

/**
 * The largest frame a legal request can make on the harness WebSocket, computed from the contract's
 * own limits, so that the transport carries every request the contract allows and nothing much larger.
 * Raising a limit in the contract raises the bridge's limit with it.
 *
 * "Largest" is the bridge client's encoding (JSON.stringify, UTF-8) at its worst: JSON writes one
 * UTF-16 code unit as at most 6 bytes (a control character or a lone surrogate becomes `\uXXXX`).
 */
const MAX_BYTES_PER_CODE_UNIT = 6;
/** The longest JSON.stringify of a finite double, e.g. "-2.2250738585072014e-308". */
const MAX_NUMBER_BYTES = 24;

/** The part of JSON Schema that z.toJSONSchema writes for the contract's inputs. */
interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  maxLength?: number;
  format?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: unknown;
}

/** Thrown for an input the contract leaves without an upper bound: the bridge could not promise to carry it. */
export class UnboundedInputError extends Error {}

const encoder = new TextEncoder();
const jsonBytes = (value: unknown): number => encoder.encode(JSON.stringify(value)).byteLength;

/** The most bytes JSON.stringify can write for a value `schema` accepts (for `z.undefined()`: none). */
export function largestJsonBytes(schema: z.ZodType, name = 'input'): number {
  if (schema instanceof z.ZodUndefined) return 0;
  return largestOf(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema, name);
}

function largestOf(schema: JsonSchema, path: string): number {
  if (schema.const !== undefined) return jsonBytes(schema.const);
  if (schema.enum) return Math.max(...schema.enum.map(jsonBytes));
  if (schema.anyOf) return Math.max(...schema.anyOf.map((branch) => largestOf(branch, path)));
  switch (schema.type) {
    case 'null':
      return 4;
    case 'boolean':
      return 5;
    case 'integer':
      if (schema.minimum !== undefined && schema.maximum !== undefined) {
        return Math.max(String(schema.minimum).length, String(schema.maximum).length);
      }
      return MAX_NUMBER_BYTES;
    case 'number':
      return MAX_NUMBER_BYTES;
    case 'string':
      if (schema.maxLength !== undefined) return 2 + MAX_BYTES_PER_CODE_UNIT * schema.maxLength;
      // A UUID's pattern fixes its length; every other string needs a max().
      if (schema.format === 'uuid') return 2 + 36;
      throw new UnboundedInputError(`${path}: a string without a maximum length`);
    case 'array': {
      if (schema.maxItems === undefined || !schema.items) throw new UnboundedInputError(`${path}: an array without a maximum number of items`);
      const items = schema.maxItems;
      return 2 + items * largestOf(schema.items, `${path}.items`) + Math.max(0, items - 1);
    }
    case 'object': {
      if (schema.additionalProperties !== false) throw new UnboundedInputError(`${path}: an object that accepts unknown keys`);
      const members = Object.entries(schema.properties ?? {}).map(
        ([key, value]) => jsonBytes(key) + 1 + largestOf(value, `${path}.${key}`),
      );
      return 2 + members.reduce((sum, bytes) => sum + bytes, 0) + Math.max(0, members.length - 1);
    }
    default:
      throw new UnboundedInputError(`${path}: a value of any type`);
  }
}

/** The largest frame of one channel: `{"id":<largest id>,"channel":"<name>","input":<largest input>}`. */
export function largestFrameBytes(channel: ChannelName): number {
  const input = largestJsonBytes(channels[channel].input as z.ZodType, channel);
  const envelope = { id: Number.MAX_SAFE_INTEGER, channel };
  if (input === 0) return jsonBytes(envelope);
  // `"input":0` stands in for the input: take its one byte back off.
  return jsonBytes({ ...envelope, input: 0 }) - 1 + input;
}

/** The largest frame of any channel: the bridge's limit for one message. */
export function largestLegalFrameBytes(): number {
  return Math.max(...channelNames.map(largestFrameBytes));
}

let largest: number | undefined;

/**
 * The largest frame a legal request can make, worked out once. The harness refuses a larger message at
 * its frame header (WebSocket close 1009), before reading it, and hands the number to the page with the
 * bridge script, whose client answers a typed error instead of sending one.
 */
export function maxFrameBytes(): number {
  largest ??= largestLegalFrameBytes();
  return largest;
}
