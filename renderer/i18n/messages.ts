import type { nb } from './nb';

export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language must fill: the Norwegian messages with the same keys. */
export type Messages = Widen<typeof nb>;

export const languages = ['nb', 'en'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: string | null | undefined): value is Language {
  return value === 'nb' || value === 'en';
}
