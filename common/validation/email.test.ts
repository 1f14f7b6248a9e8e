import { describe, expect, it } from 'vitest';
import { checkEmail } from './email';

describe('checkEmail', () => {
  it.each([
    ['kari.nordmann@example.no', 'kari.nordmann@example.no'],
    ['  Kari.Nordmann@Example.NO ', 'Kari.Nordmann@example.no'],
    ["o'brien+fjernhjelp@sub.helse-nord.example", "o'brien+fjernhjelp@sub.helse-nord.example"],
    ['kari@example.no\n', 'kari@example.no'],
  ])('accepts %s', (input, expected) => {
    expect(checkEmail(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'EMAIL_REQUIRED'],
    ['kari', 'EMAIL_INVALID'],
    ['@example.no', 'EMAIL_INVALID'],
    ['kari@', 'EMAIL_INVALID'],
    ['kari@example', 'EMAIL_INVALID'],
    ['kari..nordmann@example.no', 'EMAIL_INVALID'],
    ['.kari@example.no', 'EMAIL_INVALID'],
    ['kari nordmann@example.no', 'EMAIL_INVALID'],
    ['kari@-example.no', 'EMAIL_INVALID'],
    ['kari@example.n0', 'EMAIL_INVALID'],
    ['kari@exa_mple.no', 'EMAIL_INVALID'],
    ['"kari"@example.no', 'EMAIL_INVALID'],
    [`${'k'.repeat(65)}@example.no`, 'EMAIL_INVALID'],
    ['kari@exam\u0000ple.no', 'EMAIL_INVALID'],
  ])('refuses %j with %s', (input, code) => {
    expect(checkEmail(input)).toMatchObject({ ok: false, code });
  });
});
