import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_SETTINGS } from '../../common/review/review-settings';
import type { SessionListItem } from '../../common/sessions/remote-session-list';
import { sampleSession } from '../cache/testing/remote-sessions';
import type { SessionLanguage } from './session-csv';
import { sessionReportPdf, type SessionReport } from './session-report-pdf';

const run = promisify(execFile);

/** Read as an auditor's tools read it. poppler-utils is required: a missing tool fails the test with how to install it. */
async function pdftotext(path: string): Promise<string[]> {
  try {
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return stdout.split('\f').filter((page) => page.trim() !== '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftotext was not found: install poppler-utils to run the PDF tests', { cause: error });
    throw error;
  }
}

const VENDORS = ['Čáhcesuolu Helse AS', 'Østfold Fjerndrift AS', 'Bærum Journal AS', 'Ŋuorra Teknihkka AS'];

/** 120 sessions over four vendors and two groups, one an hour from 1 March 2026, every fifth without approval at night. */
function reportWith(count: number, overrides: Partial<SessionReport> = {}): SessionReport {
  const sessions: SessionListItem[] = Array.from({ length: count }, (_, index): SessionListItem => {
    const vendor = index % VENDORS.length;
    const night = index % 5 === 0;
    const startedAt = new Date(Date.UTC(2026, 2, 1 + Math.floor(index / 4), night ? 21 : 9, index % 4)).toISOString();
    return {
      ...sampleSession(`s-${index}`, {
        startedAt,
        vendorId: `v${vendor}`,
        vendorName: VENDORS[vendor]!,
        groupId: index % 2 ? 'g-lab' : 'g-maskiner',
        groupName: index % 2 ? 'Laboratorium Grønnåsen' : 'Maskiner',
        deviceName: `PC-${String(index).padStart(3, '0')}`,
        consent: night ? 'notNeeded' : 'given',
      }),
      outsideWorkingHours: night,
      // Every seventh is one of our technicians' at another organisation.
      place: index % 7 === 0 ? 'atOthers' : 'ownMachines',
    };
  }).reverse();
  return {
    organisationName: 'Helse Nord RHF',
    generatedAt: '2026-04-01T10:05:00.000Z',
    generatedBy: 'kari.admin',
    filter: {},
    names: {},
    settings: DEFAULT_REVIEW_SETTINGS,
    sessions,
    total: sessions.length,
    ...overrides,
  };
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'session-pdf-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function pages(report: SessionReport, language: SessionLanguage): Promise<{ bytes: Buffer; pages: string[] }> {
  const bytes = await sessionReportPdf(report, language);
  const path = join(folder, `sessions-${language}-${report.sessions.length}.pdf`);
  await writeFile(path, bytes);
  return { bytes, pages: await pdftotext(path) };
}

describe('the sessions as a PDF', () => {
  it('names every vendor with its groups, "Sist brukt" and the sessions without approval outside working hours', async () => {
    const report = reportWith(120);
    const { bytes, pages: text } = await pages(report, 'nb');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const first = text[0] ?? '';
    expect(first).toContain('Fjernhjelpsøkter');
    expect(first).toMatch(/Organisasjon\s+Helse Nord RHF/);
    expect(first).toMatch(/Utvalg\s+Alle økter/);
    expect(first).toMatch(/Antall økter\s+120/);
    expect(first).toMatch(/Arbeidstid\s+mandag–fredag 08:00–16:00/);
    // 10:05 UTC on 1 April is 12:05 in Oslo (summer time).
    expect(first).toMatch(/Generert\s+01\.04\.2026 12:05 av kari\.admin/);
    expect(first).toMatch(/Tidssone\s+Europe\/Oslo \(norsk tid\)/);
    expect(first).toContain('Bruk per leverandør og maskingruppe');
    expect(first).toMatch(/Leverandør\s+Maskingruppe\s+Økter\s+Sist brukt\s+Uten godkjenning utenfor arbeidstid/);
    // Each vendor with each group, its count and its newest session, as an auditor reads the row.
    for (const [index, vendor] of VENDORS.entries()) {
      const own = report.sessions.filter((session) => session.vendorId === `v${index}`);
      const newest = own[0]!;
      const group = newest.groupName;
      const inGroup = own.filter((session) => session.groupName === group);
      const unattended = inGroup.filter((session) => session.consent === 'notNeeded' && session.outsideWorkingHours).length;
      const oslo = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(newest.startedAt));
      expect(first, vendor).toMatch(new RegExp(`${vendor}\\s+${group}\\s+${inGroup.length}\\s+${oslo.replaceAll('.', '\\.')} \\d\\d:\\d\\d\\s+${unattended}\\b`));
    }
    const all = text.join('\n');
    for (const session of report.sessions) expect(all).toContain(session.deviceName);
    for (const letter of ['Č', 'á', 'Ŋ', 'ø', 'æ', 'Ø', 'å']) expect(all).toContain(letter);
  });

  it('runs over pages with the session table\'s header and "Side X av N" on each', async () => {
    const { pages: text } = await pages(reportWith(120), 'nb');
    expect(text.length).toBeGreaterThan(2);
    for (const [index, page] of text.entries()) expect(page).toContain(`Side ${index + 1} av ${text.length}`);
    for (const page of text.slice(1)) expect(page).toMatch(/Startet\s+Avsluttet\s+Hvor\s+Leverandør\s+Bruker\s+Maskingruppe\s+Maskinnavn\s+Type\s+Godkjenning/);
    const all = text.join('\n');
    // A cell wraps within its column: the words with any space between.
    expect(all).toMatch(/På\s+våre\s+maskiner/);
    expect(all).toMatch(/Våre\s+teknikere\s+hos\s+andre/);
  });

  it('says which sessions it holds: the filter by the names the screen shows, and when only the newest', async () => {
    const report = reportWith(8, {
      filter: { from: '2026-03-01', to: '2026-03-31', place: 'ownMachines', vendorId: 'v1', consent: 'notNeeded', outsideWorkingHours: true },
      names: { vendor: 'Østfold Fjerndrift AS' },
      total: 12_000,
    });
    const [first] = (await pages(report, 'nb')).pages;
    // The selection wraps at the page's width: read with its line breaks as spaces.
    expect(first?.replace(/\s+/g, ' ')).toContain(
      'Utvalg Periode 01.03.2026–31.03.2026 · Hvor: På våre maskiner · Leverandør: Østfold Fjerndrift AS · Godkjenning: Uten godkjenning · Utenfor arbeidstid',
    );
    expect(first).toMatch(/Antall økter\s+De 8 nyeste av 12000/);
  });

  it('in English, with "Last used" and the English words', async () => {
    const { pages: text } = await pages(reportWith(12), 'en');
    const first = text[0] ?? '';
    expect(first).toContain('Remote-support sessions');
    expect(first).toMatch(/Working hours\s+Monday–Friday 08:00–16:00/);
    expect(first).toMatch(/Time zone\s+Europe\/Oslo \(Norwegian time\)/);
    expect(first).toMatch(/Vendor\s+Machine group\s+Sessions\s+Last used\s+Without approval outside working hours/);
    for (const vendor of VENDORS) expect(first).toContain(vendor);
    expect(text.join('\n')).toMatch(/Page 1 of \d/);
    expect(text.join('\n')).toMatch(/Started\s+Ended\s+Where\s+Vendor/);
    expect(text.join('\n')).toMatch(/Our\s+technicians\s+at\s+others/);
  });

  it('gives the same bytes for the same report', async () => {
    const report = reportWith(10);
    expect((await sessionReportPdf(report, 'nb')).equals(await sessionReportPdf(report, 'nb'))).toBe(true);
  });
});
