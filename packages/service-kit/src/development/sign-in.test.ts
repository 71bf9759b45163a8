import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { allowedRedirect, verifierMatches } from './sign-in.js';

describe('the development sign-in', () => {
  it('sends codes back to its own host or a loopback address only', () => {
    const provider = 'http://127.0.0.1:4000';
    expect(allowedRedirect('http://127.0.0.1:4000/dang-nhap/xong', provider)).toBe(true);
    expect(allowedRedirect('http://localhost:5173/dang-nhap/xong', provider)).toBe(true);
    expect(allowedRedirect('https://ecd.langson.gov.vn/dang-nhap/xong', 'https://ecd.langson.gov.vn')).toBe(true);
    expect(allowedRedirect('https://attacker.example/cb', provider)).toBe(false);
    expect(allowedRedirect('javascript:alert(1)', provider)).toBe(false);
    expect(allowedRedirect('http://user:pass@127.0.0.1:4000/cb', provider)).toBe(false);
    expect(allowedRedirect('not a url', provider)).toBe(false);
  });

  it('checks the PKCE verifier against its S256 challenge (RFC 7636)', () => {
    // The RFC's own example (appendix B).
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(verifierMatches(verifier, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toBe(true);
    expect(verifierMatches(verifier, createHash('sha256').update('other').digest('base64url'))).toBe(false);
    // Too short a verifier is refused even when its hash matches.
    expect(verifierMatches('short', createHash('sha256').update('short').digest('base64url'))).toBe(false);
  });
});
