import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance, type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';
import { nb } from '../../renderer/i18n/nb';
import { fieldIssueText, type FieldTextSource } from './field-error-text';
import { schemaFieldCodes } from './field-issues';

/** The app's own texts through a real i18next, as the renderer sets it up (nb first, en second). */
async function texts(language: 'nb' | 'en'): Promise<i18n> {
  const instance = createInstance();
  await instance.init({ lng: language, fallbackLng: false, resources: { nb: { translation: nb }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return instance;
}
const asSource = (instance: i18n): FieldTextSource => {
  const translate = instance.t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return { t: (key, options) => translate(key, options), exists: (key) => instance.exists(key) };
};

/** Every code a shared rule in common/ gives (`invalid('CODE'`, and the free-text rules' codes), read from the rules themselves. */
function ruleCodes(): string[] {
  const files = readdirSync(join(import.meta.dirname, '..'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  const codes = new Set<string>();
  for (const file of files) {
    const source = readFileSync(join(import.meta.dirname, '..', file), 'utf8');
    for (const match of source.matchAll(/(?:invalid\(|(?:required|invalidCharacters|tooLong): )'([A-Z][A-Z0-9_]+)'/g)) codes.add(match[1]!);
  }
  return [...codes].sort();
}

describe('fieldIssueText, in both languages', () => {
  let norwegian: FieldTextSource;
  let english: FieldTextSource;
  beforeAll(async () => {
    norwegian = asSource(await texts('nb'));
    english = asSource(await texts('en'));
  });

  it('says a known code in the language, with its limit when it has one', () => {
    expect(fieldIssueText(norwegian, { code: 'MAXLENGTH', limit: 80 }, 'Navn')).toBe('For langt: maks 80 tegn.');
    expect(fieldIssueText(english, { code: 'MAXLENGTH', limit: 80 }, 'Name')).toBe('Too long: at most 80 characters.');
    expect(fieldIssueText(norwegian, { code: 'MAXLENGTH' }, 'Navn')).toBe('For langt.');
    expect(fieldIssueText(norwegian, { code: 'URL_SCHEME_MISSING' }, 'Adresse')).toContain('https://');
  });

  it("asks the form's own wording first, then the shared one", () => {
    expect(fieldIssueText(norwegian, { code: 'NAME_TOO_LONG', limit: 80 }, 'Navn', ['settings'])).toBe('For langt: maks 80 tegn.');
    expect(fieldIssueText(norwegian, { code: 'NAME_TOO_LONG' }, 'Navn')).toBe(nb.fieldErrors.NAME_TOO_LONG);
    expect(fieldIssueText(english, { code: 'EMAIL_INVALID' }, 'E-mail', ['settings'])).toBe(en.fieldErrors.EMAIL_INVALID);
  });

  it('names the field for a code it has no text for, and never shows a raw code or the English developer message', () => {
    expect(fieldIssueText(norwegian, { code: 'SOMETHING_NEW' }, 'Kundeportalens adresse')).toBe('«Kundeportalens adresse» er ikke gyldig.');
    expect(fieldIssueText(english, { code: 'SOMETHING_NEW' }, "Customer portal's address")).toBe('"Customer portal\'s address" is not valid.');
    expect(fieldIssueText(norwegian, { code: 'SOMETHING_NEW' }, 'Navn', [], false)).toBe(nb.fieldErrors.INVALID);
  });

  it.each(['settings', 'fieldErrors', 'MAXLENGTH.x', 'errors', '__proto__', 'constructor', 'fieldErrors.MAXLENGTH', '', 'url_invalid'])(
    'treats the hostile code %j as unknown, not as a path into the texts',
    (code) => {
      expect(fieldIssueText(norwegian, { code }, 'Navn')).toBe('«Navn» er ikke gyldig.');
    },
  );

  it.each(['nb', 'en'] as const)('has a %s text for every schema code and every code of the shared rules', async (language) => {
    const instance = await texts(language);
    expect(ruleCodes()).toEqual(expect.arrayContaining(['URL_NOT_HTTPS', 'EMAIL_INVALID', 'NAME_INVALID_CHARACTERS', 'DUE_DATE_IN_PAST']));
    const scopes = ['', ...Object.keys(nb).filter((area) => typeof (nb as Record<string, unknown>)[area] === 'object' && 'fieldErrors' in ((nb as Record<string, object>)[area] ?? {}))];
    const missing = [...schemaFieldCodes, ...ruleCodes()].filter(
      (code) => !scopes.some((scope) => instance.exists(`${scope ? `${scope}.` : ''}fieldErrors.${code}`) || instance.exists(`${scope ? `${scope}.` : ''}fieldErrors.${code}_limit`)),
    );
    expect(missing).toEqual([]);
  });
});
