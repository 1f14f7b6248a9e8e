import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { Problem, PROBLEM_MEDIA_TYPE, problemBody } from './problem';

/** The problem for what Node's HTTP parser refused, by its error code: a request Fastify never saw. */
export function clientErrorProblem(code: string | undefined): Problem {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new Problem(431, 'HEADERS_TOO_LARGE', 'The request headers are too large', [
      { field: 'headers', code: 'TOO_LARGE', message: `The request line and headers are over ${maxHeaderSize} bytes` },
    ]);
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new Problem(408, 'REQUEST_TIMEOUT', 'The request did not arrive in time');
  return new Problem(400, 'BAD_REQUEST', 'Bad Request');
}

/**
 * Fastify's clientErrorHandler: the parser's refusals (headers too large, a request that is not HTTP, a
 * request too slow to arrive) as problem+json like every other answer, where Fastify would write its own
 * JSON. A connection the client reset, or one already gone, gets nothing; the socket is closed after.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const problem = clientErrorProblem(error.code);
    const body = JSON.stringify(problemBody(problem, undefined));
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: ${PROBLEM_MEDIA_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
