// First: starts the first screen's read before the rest of the app is evaluated (see the module).
import './stores/first-screen-reads';
import './styles.css';

// The rest of the app is a chunk of its own, evaluated only now: the read above is already in main's hands.
// index.html preloads the chunk (scripts/build/preload-entry-imports.ts), so it is compiled meanwhile.
await import('./app-start');
