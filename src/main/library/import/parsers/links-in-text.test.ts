import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHttpUrl } from './links-in-text.ts';

/** What isHttpUrl promises, checked the slow way: the WHATWG parser accepts it as http(s) with a dotted host. */
function parsesAsHttp(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

const label = fc.stringMatching(/^[a-zA-Z0-9-]{1,8}$/);
const linkLike = fc
  .tuple(
    fc.constantFrom('http://', 'https://', 'HTTPS://', 'ftp://', ' https://', 'https:/'),
    fc.array(label, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('', ':8080', '@x', '.', '..'),
    fc.string({ maxLength: 20 }),
  )
  .map(([scheme, labels, after, rest]) => `${scheme}${labels.join('.')}${after}${rest}`);

describe('isHttpUrl', () => {
  it('agrees with the URL parser on link-shaped text, including hosts that look like IPv4 addresses', () => {
    fc.assert(
      fc.property(fc.oneof(linkLike, fc.string()), (candidate) => {
        expect(isHttpUrl(candidate)).toBe(parsesAsHttp(candidate));
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts the links papers carry and refuses what is not a web link', () => {
    expect(isHttpUrl('https://arxiv.org/abs/2401.00001')).toBe(true);
    expect(isHttpUrl('http://github.com/org/repo?tab=readme#top')).toBe(true);
    expect(isHttpUrl('https://1.2.3.999/x')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('https://localhost/x')).toBe(false);
  });
});
