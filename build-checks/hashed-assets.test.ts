import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HASHED_ASSETS_DIR } from '../main/protocol/static-responder';
import { builtBundles, requireBuilt } from './built-output';

/**
 * The app's protocol and the harness serve every file in the renderer's assets folder as cached for good
 * (main/protocol/static-responder.ts): each must be named by its content, so a new build is a new name.
 */
describe('renderer assets are named by their content', () => {
  const dir = join(dirname(requireBuilt(builtBundles.rendererIndex)), HASHED_ASSETS_DIR);
  const files = readdirSync(dir);

  it('holds the scripts and styles index.html loads', () => {
    const html = readFileSync(builtBundles.rendererIndex, 'utf8');
    const referenced = [...html.matchAll(/(?:src|href)="\.?\/?assets\/([^"]+)"/g)].map((match) => match[1]);
    expect(referenced.length).toBeGreaterThan(0);
    expect(files).toEqual(expect.arrayContaining(referenced));
  });

  it('preloads the rest of the app, which the entry imports only once it has asked for the first screen (renderer/main.tsx)', () => {
    const html = readFileSync(builtBundles.rendererIndex, 'utf8');
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="\.\/assets\/([^"]+)"/g)].map((match) => match[1]);
    expect(preloaded).toContainEqual(expect.stringMatching(/^app-start-/));
  });

  it.each(files)('%s carries a content hash in its name (Vite\'s name-hash.ext)', (file) => {
    expect(file).toMatch(/^[\w.-]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/);
  });
});
