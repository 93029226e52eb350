import { describe, expect, it } from 'vitest';
import { menuTarget } from './menu-target';

describe('menuTarget', () => {
  it('takes the first email in a selection', () => {
    expect(menuTarget({ menuItemId: 'mxray-selection', selectionText: 'Contact: Support <help@five-mx.test>, or sales@one-mx.test.' })).toBe(
      'help@five-mx.test',
    );
  });
  it('takes a domain from a selection without an email', () => {
    expect(menuTarget({ menuItemId: 'mxray-selection', selectionText: 'see one-mx.test for details' })).toBe('one-mx.test');
  });
  it('passes a selection with nothing to look up through, so the panel can say why', () => {
    expect(menuTarget({ menuItemId: 'mxray-selection', selectionText: '  just words  ' })).toBe('just words');
  });
  it('uses the address of a mailto: link as it is (the parser reads mailto)', () => {
    expect(menuTarget({ menuItemId: 'mxray-mailto', linkUrl: 'mailto:billing@null-mx.test?subject=Hi' })).toBe('mailto:billing@null-mx.test?subject=Hi');
  });
  it("uses a link's host", () => {
    expect(menuTarget({ menuItemId: 'mxray-link', linkUrl: 'https://Www.Example.co.uk/path?q=1' })).toBe('www.example.co.uk');
  });
  it("uses the page's registrable domain", () => {
    expect(menuTarget({ menuItemId: 'mxray-page', pageUrl: 'https://www.shop.example.co.uk/basket' })).toBe('example.co.uk');
  });
  it('has nothing for pages without a host', () => {
    expect(menuTarget({ menuItemId: 'mxray-page', pageUrl: 'chrome://extensions/' })).toBeUndefined();
    expect(menuTarget({ menuItemId: 'unknown' })).toBeUndefined();
  });
});
