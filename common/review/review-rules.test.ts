import { describe, expect, it } from 'vitest';
import { checkDueDate, checkJustification, checkReviewName, localDay } from './review-rules';

describe('review campaign rules', () => {
  it('names: trimmed, required, at most 100 characters counted as a person counts them, no control characters', () => {
    expect(checkReviewName('  Årlig gjennomgang 2026 ')).toEqual({ ok: true, value: 'Årlig gjennomgang 2026' });
    expect(checkReviewName('   ')).toMatchObject({ ok: false, code: 'REVIEW_NAME_REQUIRED' });
    expect(checkReviewName('æ'.repeat(100))).toMatchObject({ ok: true });
    expect(checkReviewName('æ'.repeat(101))).toMatchObject({ ok: false, code: 'REVIEW_NAME_TOO_LONG' });
    expect(checkReviewName('Q4\u0007')).toMatchObject({ ok: false, code: 'NAME_INVALID_CHARACTERS' });
    expect(checkReviewName('Q4\u202e')).toMatchObject({ ok: false, code: 'NAME_INVALID_CHARACTERS' });
    expect(checkReviewName('\u200b')).toMatchObject({ ok: false, code: 'NAME_INVALID_CHARACTERS' });
    expect(checkReviewName('A\u030arlig')).toEqual({ ok: true, value: 'Årlig' });
  });

  it('due dates: a real calendar date, today or later', () => {
    expect(checkDueDate('2026-12-31', '2026-11-30')).toEqual({ ok: true, value: '2026-12-31' });
    expect(checkDueDate('2026-11-30', '2026-11-30')).toMatchObject({ ok: true });
    expect(checkDueDate('2026-11-29', '2026-11-30')).toMatchObject({ ok: false, code: 'DUE_DATE_IN_PAST' });
    expect(checkDueDate('2026-02-30', '2026-01-01')).toMatchObject({ ok: false, code: 'DUE_DATE_INVALID' });
    expect(checkDueDate('31.12.2026', '2026-01-01')).toMatchObject({ ok: false, code: 'DUE_DATE_INVALID' });
    expect(checkDueDate('', '2026-01-01')).toMatchObject({ ok: false, code: 'DUE_DATE_REQUIRED' });
  });

  it('keeping access without approval needs a justification; nothing else does', () => {
    expect(checkJustification(undefined, 'without_approval', 'keep')).toMatchObject({ ok: false, code: 'JUSTIFICATION_REQUIRED' });
    expect(checkJustification(' \n\t ', 'without_approval', 'keep')).toMatchObject({ ok: false, code: 'JUSTIFICATION_REQUIRED' });
    expect(checkJustification(' Vaktavtale med leverandøren ', 'without_approval', 'keep')).toEqual({ ok: true, value: 'Vaktavtale med leverandøren' });
    expect(checkJustification(undefined, 'with_approval', 'keep')).toEqual({ ok: true, value: null });
    expect(checkJustification('', 'without_approval', 'remove')).toEqual({ ok: true, value: null });
    expect(checkJustification('x'.repeat(1001), 'with_approval', 'remove')).toMatchObject({ ok: false, code: 'JUSTIFICATION_TOO_LONG' });
  });

  it('an invisible justification is refused, not counted as given; line breaks are kept (it is a text area)', () => {
    for (const text of ['\u200b', 'ok\u0000', '\u2060', 'Vakt\u202eavtale', '\u{e0041}', 'ok\udfff']) {
      expect(checkJustification(text, 'without_approval', 'keep')).toMatchObject({ ok: false, code: 'JUSTIFICATION_INVALID_CHARACTERS' });
      expect(checkJustification(text, 'with_approval', 'remove')).toMatchObject({ ok: false, code: 'JUSTIFICATION_INVALID_CHARACTERS' });
    }
    expect(checkJustification(' Vaktavtale\nmed leverandøren ', 'without_approval', 'keep')).toEqual({ ok: true, value: 'Vaktavtale\nmed leverandøren' });
  });

  it('the local day is the calendar date on this machine, not in UTC', () => {
    const lateEvening = new Date(2026, 11, 31, 23, 30);
    expect(localDay(lateEvening)).toBe('2026-12-31');
  });
});
