import type { Page } from '@playwright/test';
import { en } from '../../renderer/i18n/en';
import { nb } from '../../renderer/i18n/nb';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

const english = new Map(flatten(en as unknown as Tree));

/** Every message key, e.g. "service.activate": none may show up as text. */
export const messageKeys = flatten(nb as unknown as Tree).map(([key]) => key);

/**
 * Norwegian UI texts that differ from their English version. Interpolated texts are split at their
 * placeholders, and only fragments long enough to be unambiguous are kept.
 */
export const norwegianOnlyTexts = flatten(nb as unknown as Tree)
  .filter(([key, text]) => english.get(key) !== text)
  .flatMap(([, text]) => text.split(/\{\{[^}]+\}\}/))
  .map((fragment) => fragment.trim())
  .filter((fragment) => fragment.length >= 6);

/** The page's visible text, without content deliberately kept in Norwegian (marked lang="nb", e.g. the terms of use). */
export function visibleUiText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const element of clone.querySelectorAll('[lang="nb"], script, style')) element.remove();
    const attributes = [...document.querySelectorAll('[title], [aria-label], [placeholder]')]
      .filter((element) => !element.closest('[lang="nb"]'))
      .map((element) => [element.getAttribute('title'), element.getAttribute('aria-label'), element.getAttribute('placeholder')].filter(Boolean).join(' '));
    return `${clone.innerText}\n${attributes.join('\n')}`;
  });
}

/** The texts on the page that are untranslated: raw message keys or Norwegian-only UI texts. */
export async function untranslatedTexts(page: Page): Promise<string[]> {
  const text = await visibleUiText(page);
  return [
    ...messageKeys.filter((key) => key.includes('.') && text.includes(key)).map((key) => `raw key: ${key}`),
    ...norwegianOnlyTexts.filter((fragment) => text.includes(fragment)).map((fragment) => `Norwegian: ${fragment}`),
  ];
}
