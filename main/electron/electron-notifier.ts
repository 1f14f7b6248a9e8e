import { Notification } from 'electron';
import type { Notifier } from '../notify/notifier';

/**
 * Main's notifications, Electron's way. Each is held until it is closed or clicked: a notification
 * object that is garbage-collected loses its click handler. A click brings the window forward.
 */
export function electronNotifier(showWindow: () => void): Notifier {
  const shown = new Set<Notification>();
  return {
    notify({ title, body }) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      shown.add(notification);
      const release = () => shown.delete(notification);
      notification.on('click', () => {
        release();
        showWindow();
      });
      notification.on('close', release);
      notification.show();
    },
  };
}
