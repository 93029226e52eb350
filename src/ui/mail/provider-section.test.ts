// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { identifyProviders } from '../../core/mail/provider/identify-providers';
import { mount, textOf, unmountAll } from '../testing/render';
import { ProviderSectionBody } from './provider-section';

afterEach(unmountAll);

const render = (hosts: string[]) => mount(h(ProviderSectionBody, { matches: identifyProviders(hosts) }));

describe('ProviderSectionBody', () => {
  it('shows nothing before the MX list', () => {
    expect(render([]).childNodes).toHaveLength(0);
  });

  it('names each provider, what it does, and its hosts in MX order', () => {
    const element = render(['mx0a-1.pphosted.com', 'aspmx.l.google.com', 'mx0b-1.pphosted.com', 'mx.example.com']);
    expect([...element.querySelectorAll('dt')].map(textOf)).toEqual(['Proofpoint filtering gateway', 'Google Workspace mailboxes', 'not recognised']);
    expect([...element.querySelectorAll('dd')].map(textOf)).toEqual(['mx0a-1.pphosted.com mx0b-1.pphosted.com', 'aspmx.l.google.com', 'mx.example.com']);
  });

  it("links the provider's setup guide when there is one", () => {
    const link = render(['aspmx.l.google.com']).querySelector('dt a')!;
    expect(link.getAttribute('href')).toBe('https://support.google.com/a/answer/140034');
    expect(link.getAttribute('rel')).toBe('noreferrer');
  });

  it('renders host names as text', () => {
    const element = render(['<img src=x onerror=alert(1)>.example']);
    expect(element.querySelector('img')).toBeNull();
    expect(textOf(element.querySelector('dd'))).toBe('<img src=x onerror=alert(1)>.example');
  });
});
