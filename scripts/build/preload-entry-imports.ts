import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * Vite preloads what a page's entry imports statically, but a chunk the entry imports dynamically is fetched
 * and compiled only when the entry runs. The renderer's entry starts the first screen's read and then imports
 * the rest of the app (renderer/main.tsx): with a modulepreload link, the browser fetches and compiles that
 * chunk while the entry's own modules load and run, not after (bench: load → users painted).
 */
export function preloadEntryImports(): Plugin {
  return {
    name: 'fjernhjelp:preload-entry-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }): HtmlTagDescriptor[] {
        const chunks = Object.values(bundle ?? {}).flatMap((output) => (output.type === 'chunk' ? [output] : []));
        return chunks
          .filter((chunk) => chunk.isEntry)
          .flatMap((entry) => entry.dynamicImports)
          .map((fileName) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` }, injectTo: 'head' }));
      },
    },
  };
}
