/**
 * The contract's channel and event names without its schemas. Both bridges (the preload and the
 * harness's) build `window.portal` from these alone, so a page load does not first build every zod
 * schema of the contract (most of the harness bridge's ~90 ms of script, `npm run bench -- renderer`).
 * contract.ts defines a channel for exactly each of these names, and an event for each event name:
 * a name missing there, or a channel there that is not named here, is a type error.
 */
export const CHANNEL_NAMES = [
  'app.info',
  'app.startDemo',
  'app.ping',
  'app.setLanguage',
  'profiles.list',
  'profiles.save',
  'profiles.select',
  'session.status',
  'session.signIn',
  'session.cancelSignIn',
  'session.signOut',
  'sync.status',
  'sync.now',
  'service.get',
  'service.activate',
  'groups.list',
  'groups.get',
  'groups.create',
  'groups.rename',
  'groups.delete',
  'grants.list',
  'grants.all',
  'grants.put',
  'grants.remove',
  'grants.usage',
  'sessions.list',
  'sessions.facets',
  'sessions.exportCsv',
  'sessions.exportPdf',
  'reviewSettings.get',
  'reviewSettings.save',
  'engine.status',
  'groups.devices',
  'engine.findings',
  'engine.removeFinding',
  'vendors.search',
  'accessibleGroups.list',
  'users.list',
  'users.get',
  'users.withEmail',
  'users.create',
  'users.update',
  'users.sendOneTimePassword',
  'users.regenerateTotp',
  'users.saveQrCode',
  'users.deactivate',
  'users.reactivate',
  'users.delete',
  'admins.list',
  'admins.delegate',
  'admins.revoke',
  'audit.list',
  'audit.exportCsv',
  'reviews.list',
  'reviews.get',
  'reviews.start',
  'reviews.decide',
  'reviews.decideMany',
  'reviews.applyRecommendations',
  'reviews.lastReviewed',
  'reviews.complete',
  'reviews.exportCsv',
  'reviews.exportPdf',
  'reviews.exportAccessCsv',
] as const;

export const EVENT_NAMES = [
  'app.pong',
  'session.changed',
  'sync.status',
  'cache.changed',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventSet: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isChannelName(name: string): name is ChannelName {
  return channelSet.has(name);
}

export function isEventName(name: string): name is EventName {
  return eventSet.has(name);
}
