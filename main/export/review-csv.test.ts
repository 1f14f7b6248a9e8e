import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Grant, MachineGroup } from '../../common/portal/portal-types';
import { lastReviewIndex, reviewRows } from '../../common/review/access-review-filter';
import type { ReviewItemState, ReviewReport } from '../../common/review/review-campaign';
import { csvCell } from './csv';
import { accessReviewCsv, accessReviewCsvFileName, reviewCsv, reviewCsvFileName } from './review-csv';

function item(overrides: Partial<ReviewItemState> = {}): ReviewItemState {
  return {
    grantId: 'g-1',
    groupId: 'grp-1',
    groupFullName: 'Helse Nord / Tromsø / Røntgen',
    vendorId: 'v-1',
    vendorName: 'Østfold Fjerndrift AS',
    mode: 'with_approval',
    grantedAt: '2026-03-01T08:30:00.000Z',
    grantedBy: 'kari.admin',
    expiresAt: null,
    decision: null,
    removedAt: null,
    ...overrides,
  };
}

function decided(decision: 'keep' | 'remove', justification: string | null = null): ReviewItemState['decision'] {
  return {
    id: 'd-1',
    campaignId: 'c-1',
    grantId: 'g-1',
    decision,
    justification,
    decidedAt: '2026-11-20T13:05:00.000Z',
    decidedBy: 'ola.revisor',
  };
}

function report(items: ReviewItemState[]): ReviewReport {
  return {
    organisationName: 'Helse Nord RHF',
    generatedAt: '2026-11-30T13:05:00.000Z',
    generatedBy: 'kari.admin',
    // The CSV lists the decisions only; the PDF's per-vendor use is not in it.
    usage: { days: 90, since: '2026-09-01T13:05:00.000Z', byGrant: {} },
    detail: {
      campaign: {
        id: 'c-1',
        name: 'Høst 2026',
        dueDate: '2026-11-30',
        startedAt: '2026-11-01T07:00:00.000Z',
        startedBy: 'kari.admin',
        completedAt: null,
        itemCount: items.length,
        decidedCount: items.filter((i) => i.decision).length,
        removeCount: items.filter((i) => i.decision?.decision === 'remove').length,
        unpushedCount: 0,
        pushError: null,
        revision: '0:0',
      },
      items,
    },
  };
}

/** Norwegian files are ";"-separated (Norwegian Excel), English ones ","-separated. */
function rows(text: string, delimiter = ';'): string[][] {
  return parse(text, { bom: true, delimiter }) as string[][];
}

const NB_HEADER = ['Maskingruppe', 'Leverandør', 'Tilgang', 'Gitt', 'Gitt av', 'Utløper', 'Beslutning', 'Begrunnelse', 'Vurdert av', 'Vurdert', 'Fjernet'];

describe('reviewCsv', () => {
  it('writes a BOM, the Norwegian header and one row per item in the screen\'s words, times in Oslo time with their offset', () => {
    const text = reviewCsv(
      report([
        item({ expiresAt: '2027-01-01T00:00:00.000Z', decision: decided('remove'), removedAt: '2026-11-30T12:00:00.000Z' }),
        item({ grantId: 'g-2', mode: 'without_approval', decision: decided('keep', 'Vaktordning') }),
      ]),
      'nb',
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(rows(text)).toEqual([
      NB_HEADER,
      [
        'Helse Nord / Tromsø / Røntgen', 'Østfold Fjerndrift AS', 'Med godkjenning', '2026-03-01 09:30:00+01:00', 'kari.admin',
        '2027-01-01 01:00:00+01:00', 'Fjernes', '', 'ola.revisor', '2026-11-20 14:05:00+01:00', '2026-11-30 13:00:00+01:00',
      ],
      [
        'Helse Nord / Tromsø / Røntgen', 'Østfold Fjerndrift AS', 'Uten godkjenning', '2026-03-01 09:30:00+01:00', 'kari.admin',
        '', 'Beholdes', 'Vaktordning', 'ola.revisor', '2026-11-20 14:05:00+01:00', '',
      ],
    ]);
  });

  it('says "Ikke vurdert" for an undecided item and leaves its reviewer columns empty', () => {
    const [, row] = rows(reviewCsv(report([item()]), 'nb'));
    expect(row?.slice(6)).toEqual(['Ikke vurdert', '', '', '', '']);
  });

  it('round-trips Norwegian and Sámi letters', () => {
    const names = ['Čáhcesuolu Helse', 'Ŋ-teknikk AS', 'Ŧeknihkka Đ Žeahkki', 'Bærum Øre Åsen', 'Šiellaš'];
    const parsed = rows(reviewCsv(report(names.map((name, i) => item({ grantId: `g-${i}`, vendorName: name, groupFullName: `${name} / Gruppe` }))), 'nb'));
    expect(parsed.slice(1).map((row) => row[1])).toEqual(names);
    expect(parsed.slice(1).map((row) => row[0])).toEqual(names.map((name) => `${name} / Gruppe`));
  });

  it('neutralises formula cells in vendor names and justifications exactly as toCsv does', () => {
    const hostile = ['=HYPERLINK("http://evil.example","klikk")', '+1+1', '-2+3', '@SUM(A1)'];
    const parsed = rows(
      reviewCsv(report(hostile.map((cell, i) => item({ grantId: `g-${i}`, vendorName: cell, decision: decided('keep', cell) }))), 'nb'),
    );
    for (const [index, cell] of hostile.entries()) {
      const row = parsed[index + 1];
      expect(row?.[1]).toBe(`'${cell}`);
      expect(row?.[7]).toBe(`'${cell}`);
      // The same rule, not a second one: what the parser reads back is what csvCell wrote.
      expect(rows(`${csvCell(cell, ';')}\r\n`)[0]?.[0]).toBe(row?.[1]);
    }
  });

  it('round-trips quotes, commas and line breaks in a justification', () => {
    const justification = 'Leverandøren sa "ja, vi trenger det",\nog vaktlisten\r\nbekrefter det.';
    const [, row] = rows(reviewCsv(report([item({ decision: decided('keep', justification) })]), 'nb'));
    expect(row?.[7]).toBe(justification);
  });

  it('writes English headers and values, ","-separated', () => {
    const parsed = rows(
      reviewCsv(
        report([
          item({ mode: 'without_approval', decision: decided('keep', 'On call') }),
          item({ grantId: 'g-2', decision: decided('remove') }),
          item({ grantId: 'g-3' }),
        ]),
        'en',
      ),
      ',',
    );
    expect(parsed[0]).toEqual([
      'Machine group', 'Vendor', 'Access', 'Granted', 'Granted by', 'Expires', 'Decision', 'Justification', 'Reviewed by', 'Reviewed', 'Removed',
    ]);
    expect(parsed[1]?.[3]).toBe('2026-03-01 09:30:00+01:00');
    expect(parsed.slice(1).map((row) => [row[2], row[6]])).toEqual([
      ['Without approval', 'Keep'],
      ['With approval', 'Remove'],
      ['With approval', 'Not reviewed'],
    ]);
  });
});

describe('reviewCsvFileName', () => {
  const now = new Date('2026-11-30T13:05:00.000Z');

  it('keeps Norwegian and Sámi letters and dates the name', () => {
    expect(reviewCsvFileName('Høst 2026: Čáhcesuolu', now)).toBe('tilgangsgjennomgang-høst-2026-čáhcesuolu-2026-11-30.csv');
  });

  it('strips path separators, characters Windows forbids, control and bidi characters', () => {
    const name = reviewCsvFileName('../..\\evil<>:"|?*\u0000\u202Egpj.exe. ', now);
    expect(name).toBe('tilgangsgjennomgang-evil-gpj-exe-2026-11-30.csv');
    // Everything left is a letter, a digit, a hyphen or the extension's dot.
    expect(name).toMatch(/^[\p{L}\p{N}-]+\.csv$/u);
  });

  it('dates by the Oslo calendar, not UTC', () => {
    expect(reviewCsvFileName('Q4', new Date('2026-11-30T23:30:00.000Z'))).toBe('tilgangsgjennomgang-q4-2026-12-01.csv');
  });

  it('bounds the length and leaves out an empty slug', () => {
    const long = reviewCsvFileName('Ŋ'.repeat(300), now);
    expect(Buffer.byteLength(long)).toBeLessThan(255);
    expect(Array.from(long.split('-')[1] ?? '')).toHaveLength(50);
    expect(reviewCsvFileName('/// ...', now)).toBe('tilgangsgjennomgang-2026-11-30.csv');
  });
});

describe('accessReviewCsv (the main access review, as filtered on screen)', () => {
  const grant = (overrides: Partial<Grant> = {}): Grant => ({
    id: 'grp-1:v-1',
    groupId: 'grp-1',
    vendor: { id: 'v-1', name: 'Østfold Fjerndrift AS' },
    mode: 'with_approval',
    grantedAt: '2026-03-01T08:30:00.000Z',
    grantedBy: 'kari.admin',
    modeChangedAt: null,
    modeChangedBy: null,
    expiresAt: null,
    engineStatus: { state: 'active', reason: null },
    version: 1,
    ...overrides,
  });
  const group: MachineGroup = {
    id: 'grp-1',
    name: 'Røntgen',
    fullName: 'Helse Nord / Tromsø / Røntgen',
  } as MachineGroup;
  const now = Date.parse('2026-11-30T13:05:00.000Z');

  it('writes the campaign file\'s grant columns and words, then the last review, times in Oslo time', () => {
    const rowsShown = reviewRows(
      [grant({ expiresAt: '2027-01-01T00:00:00.000Z' }), grant({ id: 'grp-1:v-2', vendor: { id: 'v-2', name: 'Bærum IT' }, mode: 'without_approval' })],
      [group],
      now,
      lastReviewIndex([{ grantId: 'grp-1:v-1', decision: 'remove', decidedAt: '2026-11-20T13:05:00.000Z', campaignName: 'Høst 2026' }]),
    );
    expect(rows(accessReviewCsv(rowsShown, 'nb'))).toEqual([
      [...NB_HEADER.slice(0, 7), 'Sist vurdert', 'Gjennomgang'],
      ['Helse Nord / Tromsø / Røntgen', 'Bærum IT', 'Uten godkjenning', '2026-03-01 09:30:00+01:00', 'kari.admin', '', 'Aldri vurdert', '', ''],
      [
        'Helse Nord / Tromsø / Røntgen', 'Østfold Fjerndrift AS', 'Med godkjenning', '2026-03-01 09:30:00+01:00', 'kari.admin',
        '2027-01-01 01:00:00+01:00', 'Fjernes', '2026-11-20 14:05:00+01:00', 'Høst 2026',
      ],
    ]);
  });

  it('writes English headers and words, ","-separated, and neutralises formula cells as the campaign file does', () => {
    const rowsShown = reviewRows([grant({ vendor: { id: 'v-1', name: '=HYPERLINK("http://evil.example")' } })], [group], now);
    const parsed = rows(accessReviewCsv(rowsShown, 'en'), ',');
    expect(parsed[0]).toEqual(['Machine group', 'Vendor', 'Access', 'Granted', 'Granted by', 'Expires', 'Decision', 'Last reviewed', 'Review']);
    expect(parsed[1]).toEqual([
      'Helse Nord / Tromsø / Røntgen', `'=HYPERLINK("http://evil.example")`, 'With approval', '2026-03-01 09:30:00+01:00', 'kari.admin', '', 'Never reviewed', '', '',
    ]);
  });

  it('is named like the campaign files, without a campaign name, by the Oslo calendar', () => {
    expect(accessReviewCsvFileName(new Date('2026-11-30T23:30:00.000Z'))).toBe('tilgangsgjennomgang-2026-12-01.csv');
  });
});
