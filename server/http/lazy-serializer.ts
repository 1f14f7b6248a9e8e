import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type BuildSerializer = NonNullable<NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildSerializer']>;

/**
 * Fastify's own serializers (fast-json-stringify), each compiled when its route first answers with that status
 * instead of all as the portal starts: compiling every response schema of the API took about 0.7 s of a 1.2 s
 * start (the demo portal behind "Prøv demo", and every portal a test starts), for answers most starts never give.
 */
export function lazySerializer(factory = SerializerSelector()): BuildSerializer {
  return (externalSchemas, options) => {
    const compile = factory(externalSchemas, options);
    return (route) => {
      let serialize: ((data: unknown) => string) | undefined;
      return (data) => (serialize ??= compile(route))(data);
    };
  };
}
