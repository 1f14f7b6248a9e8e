import type { WebContents } from 'electron';
import type { Logger } from '../log/logger';

/** The app never navigates away from its own page and never opens windows; links to the web go through main. */
export function guardNavigation(contents: WebContents, logger: Logger): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    logger.warn('navigation.blocked', { url });
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    logger.warn('navigation.redirect-blocked', { url });
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('navigation.window-open-blocked', { url });
    return { action: 'deny' };
  });
}
