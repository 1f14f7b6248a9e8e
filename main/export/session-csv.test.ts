import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { SessionListItem } from '../../common/sessions/remote-session-list';
import { en } from '../../renderer/i18n/en';
import { nb } from '../../renderer/i18n/nb';
import { sampleSession } from '../cache/testing/remote-sessions';
import { sessionsCsv, sessionsFileName } from './session-csv';

const item = (id: string, overrides: Partial<SessionListItem> = {}): SessionListItem => ({ ...sampleSession(id), outsideWorkingHours: false, place: 'ownMachines', ...overrides });

const SESSIONS: SessionListItem[] = [
  // 20:15 in Oslo on a winter evening, still open, without approval.
  item('s-open', { startedAt: '2026-11-30T19:15:00.000Z', endedAt: null, consent: 'notNeeded', kind: 'terminal', outsideWorkingHours: true }),
  // Summer: two hours ahead of UTC.
  item('s-summer', { startedAt: '2026-07-01T07:00:00.000Z', endedAt: '2026-07-01T07:45:30.000Z', vendorName: 'Čáhcesuolu Helse; Drift', deviceName: 'Lab "A", 2. etg', consent: 'refused' }),
  item('s-unknown', { vendorId: null, vendorName: null, userId: null, username: '=cmd|"/c calc"!A1', kind: 'files', consent: 'asked' }),
  // One of our own technicians on another organisation's machines.
  item('s-ours', { ownerId: 'org-other', vendorId: 'org-own', vendorName: 'Vår Helse', groupName: 'AndreHelse-Maskiner', place: 'atOthers' }),
];

/** Norwegian files are ";"-separated (Norwegian Excel), English ones ","-separated. */
const rows = (text: string, delimiter: ';' | ',') => parse(text, { bom: true, delimiter, relax_column_count: false }) as string[][];

describe('the sessions as CSV', () => {
  it('round-trips through a CSV parser in Norwegian: the screen\'s words, Oslo times with their offset, an open session "Pågår"', () => {
    const text = sessionsCsv(SESSIONS, 'nb');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(rows(text, ';')).toEqual([
      ['Startet (Europe/Oslo)', 'Avsluttet (Europe/Oslo)', 'Hvor', 'Leverandør', 'Bruker', 'Maskingruppe', 'Maskinnavn', 'Type', 'Godkjenning', 'Utenfor arbeidstid', 'Økt-ID'],
      ['2026-11-30 20:15:00+01:00', 'Pågår', 'På våre maskiner', 'Østfold Fjerndrift AS', 'tekniker.en', 'Maskiner', 'Resepsjon-PC', 'Terminal', 'Uten godkjenning', 'Ja', 's-open'],
      ['2026-07-01 09:00:00+02:00', '2026-07-01 09:45:30+02:00', 'På våre maskiner', 'Čáhcesuolu Helse; Drift', 'tekniker.en', 'Maskiner', 'Lab "A", 2. etg', 'Skrivebord', 'Avvist', 'Nei', 's-summer'],
      // A cell that a spreadsheet would run as a formula is written as text.
      ['2026-03-02 10:00:00+01:00', '2026-03-02 11:00:00+01:00', 'På våre maskiner', 'Ukjent leverandør', `'=cmd|"/c calc"!A1`, 'Maskiner', 'Resepsjon-PC', 'Filer', 'Spurt, ikke besvart', 'Nei', 's-unknown'],
      ['2026-03-02 10:00:00+01:00', '2026-03-02 11:00:00+01:00', 'Våre teknikere hos andre', 'Vår Helse', 'tekniker.en', 'AndreHelse-Maskiner', 'Resepsjon-PC', 'Skrivebord', 'Godkjent', 'Nei', 's-ours'],
    ]);
  });

  it('in English, ","-separated, with the English screen\'s words', () => {
    const [header, open, summer, , ours] = rows(sessionsCsv(SESSIONS, 'en'), ',');
    expect(header).toEqual(['Started (Europe/Oslo)', 'Ended (Europe/Oslo)', 'Where', 'Vendor', 'User', 'Machine group', 'Machine name', 'Type', 'Approval', 'Outside working hours', 'Session ID']);
    expect(open?.slice(1)).toEqual(['In progress', 'On our machines', 'Østfold Fjerndrift AS', 'tekniker.en', 'Maskiner', 'Resepsjon-PC', 'Terminal', 'Without approval', 'Yes', 's-open']);
    expect(summer?.[3]).toBe('Čáhcesuolu Helse; Drift');
    expect(ours?.[2]).toBe('Our technicians at others');
  });

  it('uses the words the screen shows, in both languages', () => {
    for (const [language, messages] of [['nb', nb], ['en', en]] as const) {
      const [header, open] = rows(sessionsCsv(SESSIONS.slice(0, 1), language), language === 'nb' ? ';' : ',');
      const words = messages.sessions.words;
      expect(header?.slice(2, 10)).toEqual([words.columns.place, words.columns.vendor, words.columns.user, words.columns.group, words.columns.device, words.columns.kind, words.columns.consent, messages.sessions.outsideOnly]);
      expect(open?.slice(2, 3)).toEqual([words.place.ownMachines]);
      expect(open?.slice(7, 10)).toEqual([words.kind.terminal, words.consent.notNeeded, words.yes]);
      // Access without approval is named as the access review names the mode.
      expect(words.consent.notNeeded).toBe(messages.review.withoutApproval);
    }
  });

  it('is named by the Oslo date', () => {
    expect(sessionsFileName(new Date('2026-11-30T23:30:00.000Z'), 'csv')).toBe('fjernhjelpsøkter-2026-12-01.csv');
    expect(sessionsFileName(new Date('2026-11-30T12:00:00.000Z'), 'pdf')).toBe('fjernhjelpsøkter-2026-11-30.pdf');
  });
});
