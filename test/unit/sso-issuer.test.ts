import { describe, expect, it } from 'vitest';
import { issuerProblem } from '../../src/server/accounts/sso-config.ts';

describe('which identity providers single sign-on may use', () => {
  it.each([
    ['https://login.microsoftonline.com/4a7b/v2.0', false],
    ['https://sso.huizen.nl/realms/gemeente', false],
    ['http://127.0.0.1:4000', true],
    ['http://localhost:4000', true],
  ])('accepts %s (http only with the development flag)', (issuer, needsFlag) => {
    expect(issuerProblem(issuer, true)).toBeNull();
    expect(issuerProblem(issuer, false) === null).toBe(!needsFlag);
  });

  it.each([
    'http://login.huizen.nl',
    'http://127.0.0.1.evil.example',
    'http://localhost.evil.example:4000',
    'https://login.huizen.nl/?tenant=x',
    'https://login.huizen.nl/#x',
    'https://gebruiker:wachtwoord@login.huizen.nl',
    'ftp://login.huizen.nl',
    'javascript:alert(1)',
    'login.huizen.nl',
  ])('refuses %s, also with the development flag', (issuer) => {
    expect(issuerProblem(issuer, true)).toEqual(expect.any(String));
  });
});
