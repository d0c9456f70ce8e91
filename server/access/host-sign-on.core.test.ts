import { describe, expect, it } from 'vitest';
import { hostConfig } from '../platform/host-config.ts';
import { refusalOf, safeReturnTo } from './host-sign-on.core.ts';

describe('where a host sign-on may land', () => {
  it('keeps a field route of this server', () => {
    expect(safeReturnTo('/m')).toBe('/m');
    expect(safeReturnTo('/m/report?grid=1')).toBe('/m/report?grid=1');
  });
  it('sends anything else to the field home', () => {
    for (const to of [
      'https://evil.example/m',
      '//evil.example/m',
      '/m\\..\\evil',
      '/mx',
      '/users',
      '',
      undefined,
      `/m/${'a'.repeat(400)}`,
    ]) {
      expect(safeReturnTo(to), String(to)).toBe('/m');
    }
  });
});

describe('why a host token was refused', () => {
  it('names the claim jose found wrong', () => {
    expect(refusalOf({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'iss', reason: 'check_failed' })).toBe('issuer');
    expect(refusalOf({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'nbf', reason: 'check_failed' })).toBe('not_yet_valid');
    expect(refusalOf({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'jti', reason: 'missing' })).toBe('claim_missing');
    expect(refusalOf({ code: 'ERR_JWT_EXPIRED', claim: 'exp' })).toBe('expired');
    expect(refusalOf({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' })).toBe('signature');
    expect(refusalOf({ code: 'ERR_JWS_INVALID' })).toBe('malformed');
  });
});

describe('host mode settings', () => {
  const base = { GEZHI_HOST_ISSUER: 'https://id.example.gov.cn', GEZHI_HOST_CLIENT_ID: 'gezhi' };
  it('is off without an issuer', () => {
    expect(hostConfig({})).toBeNull();
  });
  it('stops the server on a setting half given', () => {
    expect(() => hostConfig({ GEZHI_HOST_ISSUER: 'https://id.example.gov.cn' })).toThrow(/GEZHI_HOST_CLIENT_ID/);
    expect(() => hostConfig(base)).toThrow(/GEZHI_HOST_REDIRECT_URL/);
    expect(() => hostConfig({ ...base, GEZHI_HOST_SIGN_ON: 'saml' })).toThrow(/GEZHI_HOST_SIGN_ON/);
    expect(() => hostConfig({ ...base, GEZHI_HOST_SIGN_ON: 'token', GEZHI_HOST_ISSUER: 'http://id.example.gov.cn' })).toThrow(/https/);
  });
  it('takes a token-only host with its published keys', () => {
    expect(hostConfig({ ...base, GEZHI_HOST_SIGN_ON: 'token', GEZHI_HOST_JWKS_URL: 'https://id.example.gov.cn/jwks' })).toMatchObject({
      methods: ['token'],
      jwksUrl: 'https://id.example.gov.cn/jwks',
      algorithms: ['RS256', 'ES256'],
      redirectUrl: null,
    });
  });
});
