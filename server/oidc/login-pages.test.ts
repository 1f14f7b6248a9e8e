import { describe, expect, it } from 'vitest';
import { credentialsPage, errorPage, pageHeaders, secondFactorPage } from './login-pages';

describe('sign-in pages', () => {
  it('escape every interpolated value', () => {
    const evil = '"><script>alert(1)</script>';
    const html = [
      credentialsPage({ uid: evil, username: evil, error: { nb: evil, en: evil } }),
      secondFactorPage({ uid: evil, method: 'totp', error: { nb: evil, en: evil } }),
      errorPage({ nb: evil, en: evil }, evil),
    ].join('');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('"><script');
    expect(html).toContain('&#34;&#62;&#60;script&#62;');
  });

  it('label every input, in Norwegian with English beneath, and show the demo box only when given', () => {
    const html = credentialsPage({ uid: 'abc' });
    for (const id of ['username', 'secret']) {
      expect(html).toContain(`<label for="${id}">`);
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('lang="en"');
    expect(html).not.toContain('DEMO');
    const demo = credentialsPage({ uid: 'abc', demo: { username: 'demo.admin', password: 'pw', currentCode: '123456', secondsLeft: 12 } });
    expect(demo).toContain('id="demo-code">123456<');
  });

  it('send a strict CSP that lets a form end at the app callback origin only', () => {
    const csp = pageHeaders(['http://127.0.0.1:50123'])['content-security-policy'];
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self' http:\/\/127\.0\.0\.1:50123; frame-ancestors 'none'; base-uri 'none'$/);
  });
});
