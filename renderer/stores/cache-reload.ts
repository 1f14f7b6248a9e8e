/**
 * Stores register how to re-read what they show; a `cache.changed` event from main (a sync page or
 * a command's answer landed in the cache) re-reads all of them. Reads are local, so this is cheap.
 */
const reloaders = new Set<() => Promise<void>>();

export function onCacheChanged(reload: () => Promise<void>): () => void {
  reloaders.add(reload);
  return () => reloaders.delete(reload);
}

export function followCacheEvents(): () => void {
  return window.portal.on('cache.changed', () => {
    for (const reload of reloaders) void reload();
  });
}
