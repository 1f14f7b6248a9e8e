// Loaded with `node --import` by the build checks ONLY: resolves `electron` (import and require) to the
// recording stand-in next to this file. Never shipped, never imported by app code.
import { registerHooks } from 'node:module';

const standIn = new URL('./electron.mjs', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standIn, format: 'module', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
