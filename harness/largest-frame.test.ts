import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelNames, channels } from '../common/contract';
import { largestFrameBytes, largestJsonBytes, largestLegalFrameBytes, UnboundedInputError } from './largest-frame';

describe('the largest legal frame, from the contract’s limits', () => {
  it('is finite for every channel: the contract bounds every input', () => {
    for (const channel of channelNames) expect(largestFrameBytes(channel), channel).toBeLessThan(Infinity);
  });

  it('is an upper bound that a worst-case input reaches exactly', () => {
    const schema = z.object({ id: z.uuid(), names: z.array(z.string().max(3)).max(2), mode: z.enum(['a', 'bbb']), count: z.number().int().min(-5).max(10), on: z.literal(true), at: z.string().max(2).nullable().optional() }).strict();
    const worst = { id: randomUUID(), names: ['\u0000\u0001\u0002', '\u0003\u0004\u0005'], mode: 'bbb', count: -5, on: true, at: '\u0006\u0007' };
    expect(schema.safeParse(worst).success).toBe(true);
    expect(largestJsonBytes(schema)).toBe(Buffer.byteLength(JSON.stringify(worst)));
  });

  it('bounds the maximal reviews.decideMany frame (100 000 ids of 201 characters, a 10 000-character justification)', () => {
    const input = {
      campaignId: randomUUID(),
      grantIds: Array.from({ length: 100_000 }, () => '\u0001'.repeat(201)),
      decision: 'remove' as const,
      // Free text, so plain letters: the justification's share of the bound is the only slack left.
      justification: 'x'.repeat(10_000),
    };
    expect(channels['reviews.decideMany'].input.safeParse(input).success).toBe(true);
    const frame = Buffer.byteLength(JSON.stringify({ id: Number.MAX_SAFE_INTEGER, channel: 'reviews.decideMany', input }));
    const bound = largestFrameBytes('reviews.decideMany');
    expect(frame).toBeLessThanOrEqual(bound);
    expect(bound - frame).toBeLessThan(6 * 10_000);
    expect(largestLegalFrameBytes()).toBe(bound);
  });

  it('counts no input for channels that take none', () => {
    expect(largestFrameBytes('app.info')).toBe(Buffer.byteLength(JSON.stringify({ id: Number.MAX_SAFE_INTEGER, channel: 'app.info' })));
  });

  it.each([
    ['a string without max()', z.object({ name: z.string() }).strict(), 'x.name: a string without a maximum length'],
    ['an array without max()', z.object({ ids: z.array(z.string().max(5)) }).strict(), 'x.ids: an array without a maximum number of items'],
    ['an object that is not strict', z.object({ name: z.string().max(5) }), 'x: an object that accepts unknown keys'],
    ['a value of any type', z.unknown(), 'x: a value of any type'],
  ])('refuses to bound %s, naming where', (_, schema, message) => {
    expect(() => largestJsonBytes(schema, 'x')).toThrow(new UnboundedInputError(message));
  });
});
