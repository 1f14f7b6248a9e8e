/**
 * A desktop notification, through the platform: Electron's Notification in the app, a recording
 * stand-in in the web harness (so e2e tests can read what was shown). Main decides what and when.
 */
export interface DesktopNotification {
  title: string;
  body: string;
  /** What it is about, e.g. "review-reminder:<campaign id>:overdue": for the log and the harness, not shown. */
  tag: string;
}

export interface Notifier {
  notify(notification: DesktopNotification): void;
}
