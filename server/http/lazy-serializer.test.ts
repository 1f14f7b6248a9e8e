import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { describe, expect, it } from 'vitest';
import { lazySerializer } from './lazy-serializer';

const route = {
  method: 'GET',
  url: '/things/:id',
  httpStatus: '200',
  schema: { type: 'object', properties: { id: { type: 'string' }, count: { type: 'integer' } }, required: ['id'] },
};

describe('lazySerializer', () => {
  it("compiles a route's serializer on its first answer, once, and serializes by the schema as fastify's own does", () => {
    const real = SerializerSelector();
    let compiled = 0;
    const counting: typeof real = (externalSchemas, options) => {
      const compile = real(externalSchemas, options);
      return (definition) => {
        compiled++;
        return compile(definition);
      };
    };
    const serialize = lazySerializer(counting)({}, {})(route);
    expect(compiled).toBe(0);

    const item = { id: 'a', count: 2, secret: 'not in the schema' };
    expect(serialize(item)).toBe(real({}, {})(route)(item));
    expect(JSON.parse(serialize(item))).toEqual({ id: 'a', count: 2 });
    expect(compiled).toBe(1);
  });

  it('still refuses what the schema cannot serialize, on that first answer', () => {
    const serialize = lazySerializer()({}, {})(route);
    expect(() => serialize({ count: 1 })).toThrow(/id/);
  });
});
