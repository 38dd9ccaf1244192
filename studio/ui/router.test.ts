import { describe, expect, it } from 'vitest';
import { matchPath } from './router.ts';

describe('matchPath', () => {
  it('matches static paths exactly', () => {
    expect(matchPath('/flows', '/flows')).toEqual({});
    expect(matchPath('/flows', '/flows/')).toEqual({});
    expect(matchPath('/flows', '/channels')).toBeNull();
    expect(matchPath('/flows', '/flows/abc')).toBeNull();
  });

  it('extracts and decodes parameters', () => {
    expect(matchPath('/flows/:id', '/flows/abc')).toEqual({ id: 'abc' });
    expect(matchPath('/flows/:id', '/flows/a%20b')).toEqual({ id: 'a b' });
  });

  it('refuses malformed escapes instead of throwing', () => {
    expect(matchPath('/flows/:id', '/flows/%E0%A4%A')).toBeNull();
  });
});
