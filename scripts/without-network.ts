import net from 'node:net';

/**
 * Runs `work` with every TCP/TLS connection (http, https, fetch, net) refused: an attempt throws
 * before its DNS lookup. For the lint tools, which must run offline and send nothing anywhere.
 */
export async function withoutNetwork<T>(tool: string, work: () => Promise<T>): Promise<T> {
  const prototype = net.Socket.prototype;
  const connect = prototype.connect;
  prototype.connect = function blockedConnect(): never {
    throw new Error(`${tool} tried to open a network connection; this lint runs offline`);
  } as typeof connect;
  try {
    return await work();
  } finally {
    prototype.connect = connect;
  }
}
