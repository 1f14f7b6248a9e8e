/** Sends one authenticated request to the portal; AuthSession implements it (tokens, DPoP, refresh). */
export interface ApiTransport {
  fetch(url: URL, method: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}
