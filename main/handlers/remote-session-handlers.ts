import type { SessionFilter, UiLanguage } from '../../common/contract';
import type { SessionListItem } from '../../common/sessions/remote-session-list';
import { remoteSessionQuery } from '../cache/remote-session-query';
import { grantUsage } from '../cache/grant-usage';
import { sessionsCsv, sessionsFileName } from '../export/session-csv';
import { sessionReportPdf } from '../export/session-report-pdf';
import { writeOwnerOnlyFile } from '../files/write-owner-only-file';
import type { ProfileWorkspace } from '../workspace/profile-workspace';
import type { HandlerDeps, HandlerGroup } from './handler-deps';

type Channels = 'grants.usage' | 'sessions.list' | 'sessions.facets' | 'sessions.exportCsv' | 'sessions.exportPdf';

/** The most sessions one CSV holds: far more than a screen shows, still a file a spreadsheet opens. */
export const SESSION_CSV_MAX = 1_000_000;
/** The most one PDF lists (some 300 pages); its heading then says it holds only the newest. */
export const SESSION_PDF_MAX = 10_000;

/**
 * Remote-support sessions and the evidence of use on each grant, all from the offline cache, judged by
 * the profile's review settings (working hours, window) on Oslo's clock.
 */
export function remoteSessionHandlers({ core, now }: HandlerDeps): HandlerGroup<Channels> {
  const signedIn = () => {
    const workspace = core.workspace();
    workspace.requireSignedIn();
    return workspace;
  };
  /** The sessions the filter lets through, as the screen lists them, and how many in all. */
  const selection = (workspace: ProfileWorkspace, filter: SessionFilter, limit: number, at: Date) =>
    sessionQuery(workspace).list(filter, workspace.reviewSettings.get(), at, limit);
  const save = async (fileName: string, content: () => Promise<string | Buffer>, format: 'csv' | 'pdf', rows: number) => {
    const chosen = await core.chooseSavePath(fileName);
    if (!chosen) return null;
    const written = await writeOwnerOnlyFile(chosen, await content());
    core.logger.info('sessions.exported', { path: written, format, rows });
    return { path: written, rows };
  };

  return {
    'grants.usage': async () => {
      const workspace = signedIn();
      return grantUsage(workspace.db, workspace.reviewSettings.get(), now());
    },
    'sessions.list': async ({ filter, limit }) => selection(signedIn(), filter, limit, now()),
    'sessions.facets': async () => sessionQuery(signedIn()).facets(),

    'sessions.exportCsv': async ({ filter, language }) => {
      const workspace = signedIn();
      const at = now();
      const { sessions } = selection(workspace, filter, SESSION_CSV_MAX, at);
      return save(sessionsFileName(at, 'csv'), async () => sessionsCsv(sessions, language), 'csv', sessions.length);
    },
    'sessions.exportPdf': async ({ filter, language }) => {
      const workspace = signedIn();
      const at = now();
      const { sessions, total } = selection(workspace, filter, SESSION_PDF_MAX, at);
      return save(sessionsFileName(at, 'pdf'), () => sessionReport(workspace, filter, language, at, sessions, total), 'pdf', sessions.length);
    },
  };
}

/** The signed-in organisation's questions of its cache: whose machines a session was on is told from it. */
function sessionQuery(workspace: ProfileWorkspace) {
  return remoteSessionQuery(workspace.db, workspace.me().organisation.id);
}

async function sessionReport(
  workspace: ProfileWorkspace,
  filter: SessionFilter,
  language: UiLanguage,
  at: Date,
  sessions: SessionListItem[],
  total: number,
): Promise<Buffer> {
  const me = workspace.me();
  // The filter's ids by the names the screen's choices show.
  const facets = sessionQuery(workspace).facets();
  const names = {
    vendor: facets.vendors.find((vendor) => vendor.id === filter.vendorId)?.name,
    group: facets.groups.find((group) => group.id === filter.groupId)?.name,
    user: facets.users.find((user) => user.id === filter.userId)?.username,
  };
  return sessionReportPdf(
    { organisationName: me.organisation.name, generatedAt: at.toISOString(), generatedBy: me.user.username, filter, names, settings: workspace.reviewSettings.get(), sessions, total },
    language,
  );
}
