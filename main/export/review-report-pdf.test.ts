import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewCampaign, ReviewItemState, ReviewReport } from '../../common/review/review-campaign';
import type { ReviewLanguage } from './review-labels';
import { reviewPdfFileName, reviewReportPdf } from './review-report-pdf';

const run = promisify(execFile);

/**
 * The report is checked the way an auditor's tools read it: poppler's pdftotext and pdfinfo. They are
 * required (poppler-utils, installed by .ci/run): a missing tool fails the test instead of skipping it,
 * so a machine without them cannot pass silently.
 */
async function poppler(tool: 'pdftotext' | 'pdfinfo', args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run(tool, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} was not found: install poppler-utils (apt-get install poppler-utils) to run the PDF report tests`, {
        cause: error,
      });
    }
    throw error;
  }
}

const SAMI_VENDORS = ['Čáhcesuolu Helse', 'Ŋuorra Teknihkka', 'Ŧeknihkka Đ', 'Žeahkki Drift', 'Šiellaš Data'];
const NORWEGIAN_VENDORS = ['Østfold Fjerndrift', 'Bærum Journal', 'Åsane Røntgen', 'Tromsø IKT'];
const LONG_JUSTIFICATION = `STARTORD ${'Leverandøren har vakt hele døgnet og må kunne koble til uten å vente på godkjenning. '.repeat(6)}SLUTTORD`;

/** A campaign of `count` grants: unique vendor and group names (Sámi and Norwegian), every decision kind, one long justification. */
function reportWith(count: number, campaign: Partial<ReviewCampaign> = {}, generatedAt = '2026-11-30T13:05:00.000Z'): ReviewReport {
  const vendors = [...SAMI_VENDORS, ...NORWEGIAN_VENDORS];
  const items: ReviewItemState[] = Array.from({ length: count }, (_, index) => {
    const grantId = `grant-${index}`;
    const decision = index % 4 === 3 ? null : index % 4 === 2 ? ('remove' as const) : ('keep' as const);
    return {
      grantId,
      groupId: `group-${index}`,
      groupFullName: `Gruppe ${index} Å/Đ`,
      vendorId: `vendor-${index}`,
      vendorName: `${vendors[index % vendors.length]} ${index}`,
      mode: index % 3 === 0 ? 'without_approval' : 'with_approval',
      grantedAt: '2026-02-01T09:00:00.000Z',
      grantedBy: 'kari.admin',
      expiresAt: index % 5 === 0 ? '2027-06-30T22:00:00.000Z' : null,
      decision: decision && {
        id: `decision-${index}`,
        campaignId: 'campaign-1',
        grantId,
        decision,
        justification: index === 10 ? LONG_JUSTIFICATION : decision === 'keep' ? 'Vaktordning' : null,
        decidedAt: '2026-11-20T10:15:00.000Z',
        decidedBy: 'ola.revisor',
      },
      removedAt: decision === 'remove' && index % 8 === 2 ? '2026-11-30T12:00:00.000Z' : null,
    };
  });
  // Every third grant never used; the others last used on a day of November, with a few sessions in the period.
  const byGrant = Object.fromEntries(
    items
      .filter((_, index) => index % 3 !== 1)
      .map((item, index) => [item.grantId, { lastUsedAt: `2026-11-${String((index % 28) + 1).padStart(2, '0')}T07:30:00.000Z`, sessionsInWindow: (index % 7) + 1 }]),
  );
  return {
    organisationName: 'Helse Nord RHF',
    generatedAt,
    generatedBy: 'kari.admin',
    usage: { days: 90, since: new Date(Date.parse(generatedAt) - 90 * 86_400_000).toISOString(), byGrant },
    detail: {
      campaign: {
        id: 'campaign-1',
        name: 'Høstgjennomgang 2026 Čáhcesuolu',
        dueDate: '2026-12-15',
        startedAt: '2026-11-01T07:00:00.000Z',
        startedBy: 'kari.admin',
        completedAt: null,
        itemCount: items.length,
        decidedCount: items.filter((item) => item.decision).length,
        removeCount: items.filter((item) => item.decision?.decision === 'remove').length,
        unpushedCount: 0,
        pushError: null,
        revision: '0:0',
        ...campaign,
      },
      items,
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'review-pdf-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface Extracted {
  bytes: Buffer;
  /** pdftotext -layout output, one entry per page (form feeds split pages). */
  pages: string[];
  info: string;
}

async function generate(report: ReviewReport, language: ReviewLanguage, name: string): Promise<Extracted> {
  const bytes = await reviewReportPdf(report, language);
  const path = join(folder, name);
  await writeFile(path, bytes);
  const text = await poppler('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-']);
  const info = await poppler('pdfinfo', ['-enc', 'UTF-8', path]);
  return { bytes, pages: text.split('\f').filter((page) => page.trim() !== ''), info };
}

/** The pages of the decisions table, before the per-vendor part. */
function decisionPages(pdf: Extracted): string[] {
  const vendorPart = pdf.pages.findIndex((page) => /^\s*(Tilgang per leverandør|Access per vendor)$/m.test(page));
  return vendorPart < 0 ? pdf.pages : pdf.pages.slice(0, vendorPart);
}

function pageCountOf(info: string): number {
  const match = /^Pages:\s+(\d+)$/m.exec(info);
  expect(match, `pdfinfo printed no page count:\n${info}`).not.toBeNull();
  return Number(match?.[1]);
}

describe('reviewReportPdf', () => {
  const report = reportWith(150);
  // Generated once, on first use inside a test (not in a hook): without poppler-utils every test then
  // fails with the install hint, rather than the runner reporting them as skipped.
  let generated: Promise<Extracted> | undefined;
  const norwegian = (): Promise<Extracted> => (generated ??= generate(report, 'nb', 'report-nb.pdf'));

  it('is a PDF whose metadata pdfinfo reads', async () => {
    const pdf = await norwegian();
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.info).toMatch(/^Title:\s+Tilgangsgjennomgang – Høstgjennomgang 2026 Čáhcesuolu$/m);
    expect(pdf.info).toMatch(/^Author:\s+Fjernhjelp Admin$/m);
    expect(pdf.info).toMatch(/^Page size:\s+841\.89 x 595\.28 pts \(A4\)$/m);
    expect(pageCountOf(pdf.info)).toBe(pdf.pages.length);
  });

  it('runs over several pages with "Side X av N" and the table header on every page', async () => {
    const pdf = await norwegian();
    const pageCount = pageCountOf(pdf.info);
    expect(pageCount).toBeGreaterThan(2);
    for (const [index, page] of pdf.pages.entries()) expect(page).toContain(`Side ${index + 1} av ${pageCount}`);
    expect(decisionPages(pdf).length).toBeGreaterThan(2);
    for (const page of decisionPages(pdf)) expect(page).toMatch(/Maskingruppe\s+Leverandør\s+Tilgang\s+Gitt/);
  });

  it('has the heading, the facts and the summary on the first page', async () => {
    const pdf = await norwegian();
    const first = pdf.pages[0] ?? '';
    expect(first).toContain('Tilgangsgjennomgang');
    expect(first).toContain('Høstgjennomgang 2026 Čáhcesuolu');
    expect(first).toMatch(/Organisasjon\s+Helse Nord RHF/);
    expect(first).toMatch(/Frist\s+15\.12\.2026/);
    // 07:00 UTC in November is 08:00 in Oslo.
    expect(first).toMatch(/Startet\s+01\.11\.2026 08:00 av kari\.admin/);
    expect(first).toMatch(/Status\s+Pågår/);
    expect(first).toMatch(/Generert\s+30\.11\.2026 14:05 av kari\.admin/);
    expect(first).toMatch(/Tilganger\s+150/);
    // Of 150 items, index % 4: 0 and 1 keep (76), 2 remove (37), 3 undecided (37); kept unattended: keep and index % 3 === 0.
    const keptWithoutApproval = report.detail.items.filter((item) => item.decision?.decision === 'keep' && item.mode === 'without_approval').length;
    expect(first).toMatch(/Beholdes\s+76/);
    expect(first).toMatch(/Fjernes\s+37/);
    expect(first).toMatch(/Ikke vurdert\s+37/);
    expect(first).toMatch(new RegExp(`Beholdes uten godkjenning\\s+${keptWithoutApproval}\\b`));
    expect(first).toMatch(/Tidssone\s+Europe\/Oslo \(norsk tid\)/);
  });

  it('lists every vendor and group, Sámi and Norwegian letters extracted as written, each row whole on one page', async () => {
    const pdf = await norwegian();
    for (const item of report.detail.items) {
      // "Šiellaš Data 4" must not be found inside "Šiellaš Data 40".
      const vendor = new RegExp(`${escapeRegExp(item.vendorName)}(?!\\d)`);
      const pagesWithVendor = decisionPages(pdf).filter((page) => vendor.test(page));
      expect(pagesWithVendor, `${item.vendorName} should be on exactly one page`).toHaveLength(1);
      expect(pagesWithVendor[0]).toContain(item.groupFullName);
    }
    const text = pdf.pages.join('\n');
    for (const letter of ['Č', 'á', 'Ŋ', 'Ŧ', 'Đ', 'Ž', 'Š', 'æ', 'ø', 'å', 'Ø', 'Å']) expect(text).toContain(letter);
  });

  it('wraps a long justification inside its cell and keeps its row on one page', async () => {
    const pdf = await norwegian();
    const page = pdf.pages.find((candidate) => candidate.includes('STARTORD'));
    expect(page).toBeDefined();
    expect(page).toContain('SLUTTORD');
    const lines = page?.split('\n') ?? [];
    const startLine = lines.findIndex((line) => line.includes('STARTORD'));
    const endLine = lines.findIndex((line) => line.includes('SLUTTORD'));
    expect(endLine - startLine).toBeGreaterThan(3);
  });

  it('shows undecided items as "Ikke vurdert" and times in Oslo time', async () => {
    const pdf = await norwegian();
    const text = pdf.pages.join('\n');
    expect(text).toMatch(/Gruppe 3 Å\/Đ\s+Žeahkki Drift 3\s+Uten godkjenning\s+01\.02\.2026 10:00\s+Ikke vurdert/);
    // 22:00 UTC on 30 June is 00:00 on 1 July in Oslo (summer time).
    expect(text).toContain('01.07.2027 00:00');
  });

  it('documents each vendor\'s access after the decisions: group, mode, from when to when, last used and sessions in the period', async () => {
    const pdf = await norwegian();
    const start = pdf.pages.findIndex((page) => page.includes('Tilgang per leverandør'));
    expect(start, 'the per-vendor section').toBeGreaterThan(0);
    const section = pdf.pages.slice(start);
    expect(section[0]).toMatch(/Økter i perioden\s+01\.09\.2026 15:05 – 30\.11\.2026 14:05 \(siste 90 dager\)/);
    for (const page of section) expect(page).toMatch(/Maskingruppe\s+Tilgang\s+Fra\s+Til\s+Sist brukt\s+Økter i perioden/);
    const text = section.join('\n');
    for (const item of report.detail.items) {
      // Each vendor is a heading of its own, followed by its grants.
      expect(text, item.vendorName).toMatch(new RegExp(`^\\s*${escapeRegExp(item.vendorName)}(?!\\d)`, 'm'));
    }
    const usage = report.usage.byGrant;
    // Grant 0: without approval, granted 01.02.2026 10:00 (Oslo), to 01.07.2027 00:00 (its expiry), last used 01.11 at 08:30 Oslo time, 1 session.
    expect(usage['grant-0']).toEqual({ lastUsedAt: '2026-11-01T07:30:00.000Z', sessionsInWindow: 1 });
    expect(text).toMatch(/Gruppe 0 Å\/Đ\s+Uten godkjenning\s+01\.02\.2026 10:00\s+01\.07\.2027 00:00\s+01\.11\.2026 08:30\s+1\b/);
    // Grant 1: never used, no end date.
    expect(text).toMatch(/Gruppe 1 Å\/Đ\s+Med godkjenning\s+01\.02\.2026 10:00\s+Ingen sluttdato\s+Aldri brukt\s+0\b/);
    // Grant 2: removed by this review, so its access ended then.
    expect(text).toMatch(/Gruppe 2 Å\/Đ\s+Med godkjenning\s+01\.02\.2026 10:00\s+Fjernet 30\.11\.2026 13:00/);
  });

  it('gives the same bytes for the same report', async () => {
    const pdf = await norwegian();
    expect((await reviewReportPdf(report, 'nb')).equals(pdf.bytes)).toBe(true);
  });

  it('says "Forfalt" once the due date has passed without completion, and when it was completed', async () => {
    const overdue = await generate(reportWith(3, { dueDate: '2026-11-29' }), 'nb', 'overdue.pdf');
    expect(overdue.pages[0]).toMatch(/Status\s+Forfalt/);
    const completed = await generate(reportWith(3, { dueDate: '2026-11-29', completedAt: '2026-11-30T13:05:00.000Z' }), 'nb', 'completed.pdf');
    expect(completed.pages[0]).toMatch(/Status\s+Fullført 30\.11\.2026 14:05/);
  });

  it('writes the English report', async () => {
    const english = await generate(reportWith(40), 'en', 'report-en.pdf');
    const pageCount = pageCountOf(english.info);
    expect(english.info).toMatch(/^Title:\s+Access review – Høstgjennomgang 2026 Čáhcesuolu$/m);
    expect(english.pages[0]).toMatch(/Machine group\s+Vendor\s+Access\s+Granted/);
    expect(english.pages[0]).toMatch(/Generated\s+30\/11\/2026 14:05 by kari\.admin/);
    expect(english.pages[0]).toMatch(/Time zone\s+Europe\/Oslo \(Norwegian time\)/);
    expect(english.pages.join('\n')).toContain('Not reviewed');
    expect(english.pages.join('\n')).toMatch(/Machine group\s+Access\s+From\s+To\s+Last used\s+Sessions in the period/);
    expect(english.pages.join('\n')).toContain('Never used');
    for (const [index, page] of english.pages.entries()) expect(page).toContain(`Page ${index + 1} of ${pageCount}`);
  });
});

describe('the report\'s times on a machine in another time zone', () => {
  /**
   * The PDF is made, and the screen's formatter run, in a child process whose TZ is set: a PC set to
   * UTC or New York time must print the same Oslo times in the PDF as the app shows on its screen.
   */
  const script = `
    const fs = await import('node:fs');
    const { reviewReportPdf } = await import('./main/export/review-report-pdf.ts');
    const { formatDateTime } = await import('./renderer/components/relative-time.ts');
    const report = JSON.parse(fs.readFileSync(process.env.REPORT_JSON, 'utf8'));
    fs.writeFileSync(process.env.REPORT_PDF, await reviewReportPdf(report, 'nb'));
    console.log(JSON.stringify({
      zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      generated: formatDateTime(report.generatedAt, 'nb'),
      started: formatDateTime(report.detail.campaign.startedAt, 'nb'),
      decided: formatDateTime(report.detail.items[0].decision.decidedAt, 'nb'),
    }));`;

  for (const zone of ['UTC', 'America/New_York']) {
    it(`prints the screen's Oslo times, and says so, with TZ=${zone}`, async () => {
      const reportPath = join(folder, `report-${zone.replace('/', '-')}.json`);
      const pdfPath = join(folder, `report-${zone.replace('/', '-')}.pdf`);
      await writeFile(reportPath, JSON.stringify(reportWith(3, {}, '2026-11-30T19:45:00.000Z')));
      const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...process.env, TZ: zone, REPORT_JSON: reportPath, REPORT_PDF: pdfPath },
        encoding: 'utf8',
      });
      const screen = JSON.parse(stdout) as { zone: string; generated: string; started: string; decided: string };
      expect(screen.zone).toBe(zone);
      // 19:45 UTC in November is 20:45 in Oslo; the screen says so on any machine.
      expect(screen).toEqual({ zone, generated: '30.11.2026 20:45', started: '01.11.2026 08:00', decided: '20.11.2026 11:15' });
      const text = await poppler('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-']);
      expect(text).toMatch(new RegExp(`Generert\\s+${escapeRegExp(screen.generated)} av kari\\.admin`));
      expect(text).toMatch(new RegExp(`Startet\\s+${escapeRegExp(screen.started)} av kari\\.admin`));
      expect(text).toContain(screen.decided);
      expect(text).toMatch(/Tidssone\s+Europe\/Oslo \(norsk tid\)/);
    });
  }
});

describe('reviewPdfFileName', () => {
  it('names the file like the CSV, with .pdf', () => {
    expect(reviewPdfFileName('Høst/2026 Čáhcesuolu', new Date('2026-11-30T13:05:00.000Z'))).toBe(
      'tilgangsgjennomgang-høst-2026-čáhcesuolu-2026-11-30.pdf',
    );
  });
});
