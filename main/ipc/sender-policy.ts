/**
 * Decides whether an IPC message comes from the app's own page. Custom schemes such as `app:` have
 * an opaque `URL.origin` ("null"), so the scheme and host are compared instead of the origin string.
 */
export type SenderPolicy = (senderUrl: string | undefined) => boolean;

export function sameOriginPolicy(appUrl: string): SenderPolicy {
  const expected = new URL(appUrl);
  return (senderUrl) => {
    if (!senderUrl) return false;
    let sender: URL;
    try {
      sender = new URL(senderUrl);
    } catch {
      return false;
    }
    return sender.protocol === expected.protocol && sender.host === expected.host;
  };
}
