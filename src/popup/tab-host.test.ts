import { expect, it } from 'vitest';
import { tabHost } from './tab-host';

it('takes the host of web pages only', () => {
  expect(tabHost('https://www.shop.example.co.uk/cart?x=1')).toBe('www.shop.example.co.uk');
  expect(tabHost('http://bücher.test/')).toBe('xn--bcher-kva.test');
  expect(tabHost('http://[2001:db8::1]:8080/')).toBe('[2001:db8::1]');
  for (const url of [
    'chrome://newtab/',
    'chrome://extensions',
    'file:///tmp/a.html',
    'about:blank',
    'chrome-extension://abc/popup.html',
    'not a url',
    undefined,
  ]) {
    expect(tabHost(url)).toBeUndefined();
  }
});
