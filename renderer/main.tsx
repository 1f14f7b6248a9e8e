// First: starts the first screen's read before the rest of the app is evaluated (see the module).
import './stores/first-screen-reads';
import './styles.css';

// The rest of the app is a chunk of its own, asked for only now: the read above is already in main's hands
// while the browser compiles it (bench, load → users painted: the step "users list asked for").
await import('./app-start');
