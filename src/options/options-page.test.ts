// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Requests } from '../shared/messages';
import { DEFAULT_SETTINGS, migrateSettings, type ResolverSetting, type Settings } from '../shared/settings';
import type { OptionsActions } from './options-actions';
import { OptionsPage } from './options-page';

/** An in-memory stand-in for the worker and the browser's permission prompt, with a call log. */
function fakeActions(initial: Settings = DEFAULT_SETTINGS) {
  const log: string[] = [];
  const state = {
    stored: structuredClone(initial),
    grant: true,
    failSave: false,
    recent: ['example.com', 'bücher.test'],
    testAnswer: { ok: true, ms: 12, resolver: 'dns.example' } as Requests['testResolver'][1],
    tested: [] as ResolverSetting[],
  };
  const actions: OptionsActions = {
    getSettings: async () => structuredClone(state.stored),
    changeSettings: async (change) => {
      const settings = { ...state.stored, ...structuredClone(change) };
      log.push(`save ${settings.resolver.id}`);
      if (state.failSave) throw new Error('storage is full');
      state.stored = migrateSettings(settings);
      return structuredClone(state.stored);
    },
    testResolver: async (resolver) => {
      log.push(`test ${resolver.id}`);
      state.tested.push(resolver);
      return state.testAnswer;
    },
    getRecent: async () => state.recent,
    clearRecent: async () => (state.recent = []),
    requestOrigin: (url) => {
      log.push(`requestOrigin ${url}`);
      return Promise.resolve(state.grant);
    },
    hasOrigin: async () => true,
    onSettingsChanged: () => undefined,
  };
  return { actions, state, log };
}

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  delete document.documentElement.dataset.theme;
});

const settle = () => act(async () => new Promise<void>((resolve) => setTimeout(resolve, 0)));

async function mount(actions: OptionsActions) {
  // Inside act, so effects (loading the settings) run now, not after a real animation frame.
  await act(() => render(h(OptionsPage, { actions, version: '9.9.9' }), container));
  await settle();
  await settle();
}

/** A control found as a screen reader would: by the text of its <label for>. */
function control<T extends HTMLElement>(name: string): T {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent?.trim() === name);
  const target = label && container.querySelector<T>(`#${label.htmlFor}`);
  if (!target) throw new Error(`no control named "${name}"`);
  return target;
}
function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button named "${name}"`);
  return found;
}
const roleText = (role: string) => [...container.querySelectorAll(`[role="${role}"]`)].map((e) => e.textContent?.trim() ?? '');

function pick(name: string) {
  const input = control<HTMLInputElement>(name);
  input.checked = true;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
function type(name: string, text: string) {
  const input = control<HTMLInputElement>(name);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
/** Leaving the field after changing it. */
function commit(name: string) {
  control<HTMLInputElement>(name).dispatchEvent(new Event('change', { bubbles: true }));
}

describe('options page', () => {
  it('shows the saved settings: Cloudflare chosen, switches on, theme System, version', async () => {
    const { actions } = fakeActions();
    await mount(actions);
    const group = container.querySelector('[role="radiogroup"]')!;
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).toBe('Resolver');
    expect(control<HTMLInputElement>('Cloudflare').checked).toBe(true);
    expect(control<HTMLInputElement>('Fall back to other resolvers').checked).toBe(true);
    expect(control<HTMLInputElement>('Reverse DNS (PTR) and forward check').checked).toBe(true);
    expect(control<HTMLInputElement>('Remember recent lookups').checked).toBe(true);
    expect(control<HTMLSelectElement>('Theme').value).toBe('system');
    expect(container.textContent).toContain('MXray 9.9.9');
    expect(container.textContent).toContain('no telemetry');
  });

  it('saves a built-in resolver the moment it is picked, and says "Saved"', async () => {
    const { actions, state } = fakeActions();
    await mount(actions);
    pick('Google');
    await settle();
    expect(state.stored.resolver.id).toBe('google');
    expect(roleText('status')).toContain('Saved');
  });

  it('saves each switch on change', async () => {
    const { actions, state } = fakeActions();
    await mount(actions);
    const fallback = control<HTMLInputElement>('Fall back to other resolvers');
    fallback.checked = false;
    fallback.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(state.stored.fallback).toBe(false);
    expect(roleText('status')).toContain('Saved');
  });

  it('applies a forced theme to <html> at once, and System removes it', async () => {
    const { actions, state } = fakeActions();
    await mount(actions);
    const theme = control<HTMLSelectElement>('Theme');
    theme.value = 'dark';
    theme.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(state.stored.theme).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    theme.value = 'system';
    theme.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('shows the URL field only for Custom, and does not save Custom without a URL', async () => {
    const { actions, log } = fakeActions();
    await mount(actions);
    expect(() => control('Custom resolver URL')).toThrow();
    pick('Custom');
    await settle();
    expect(control<HTMLInputElement>('Custom resolver URL').value).toBe('');
    expect(log).toEqual([]);
    expect(container.textContent).toContain('keeps using Cloudflare');
  });

  it('refuses an http:// URL with its sentence, without asking for a permission or saving', async () => {
    const { actions, log, state } = fakeActions();
    await mount(actions);
    pick('Custom');
    await settle();
    type('Custom resolver URL', 'http://dns.example/dns-query');
    commit('Custom resolver URL');
    await settle();
    expect(roleText('alert')).toEqual(['DNS-over-HTTPS needs an https:// URL (got http:).']);
    expect(control<HTMLInputElement>('Custom resolver URL').getAttribute('aria-invalid')).toBe('true');
    expect(log).toEqual([]);
    expect(state.stored.resolver.id).toBe('cloudflare');
  });

  it('asks for the origin inside the change handler (a user gesture), before saving', async () => {
    const { actions, log, state } = fakeActions();
    await mount(actions);
    pick('Custom');
    await settle();
    type('Custom resolver URL', 'https://dns.example/dns-query');
    commit('Custom resolver URL');
    // Synchronously, still inside the event: the browser only shows prompts from a gesture.
    expect(log).toEqual(['requestOrigin https://dns.example/dns-query']);
    await settle();
    expect(log).toEqual(['requestOrigin https://dns.example/dns-query', 'save custom']);
    expect(state.stored.resolver).toEqual({ id: 'custom', customUrl: 'https://dns.example/dns-query' });
    expect(roleText('status')).toContain('Saved');
  });

  it('keeps the previous resolver and says why when the permission is refused', async () => {
    const { actions, log, state } = fakeActions({ ...DEFAULT_SETTINGS, resolver: { id: 'quad9' } });
    state.grant = false;
    await mount(actions);
    pick('Custom');
    await settle();
    type('Custom resolver URL', 'https://dns.example/dns-query');
    commit('Custom resolver URL');
    await settle();
    expect(log).toEqual(['requestOrigin https://dns.example/dns-query']);
    expect(state.stored.resolver.id).toBe('quad9');
    expect(roleText('alert')).toEqual(['MXray cannot reach dns.example without your permission, so it keeps using Quad9. Press Test to be asked again.']);
  });

  it('Test on a custom URL asks for the origin, saves, then tests the saved resolver and shows who answered', async () => {
    const { actions, log, state } = fakeActions();
    await mount(actions);
    pick('Custom');
    await settle();
    type('Custom resolver URL', 'https://dns.example/dns-query');
    button('Test').click();
    await settle();
    await settle();
    expect(log).toEqual(['requestOrigin https://dns.example/dns-query', 'save custom', 'test custom']);
    expect(state.tested).toEqual([{ id: 'custom', customUrl: 'https://dns.example/dns-query' }]);
    expect(roleText('status')).toContain('dns.example answered in 12 ms.');
  });

  it('leaving the field by clicking Test asks for the permission once', async () => {
    const { actions, log } = fakeActions();
    await mount(actions);
    pick('Custom');
    await settle();
    type('Custom resolver URL', 'https://dns.example/dns-query');
    commit('Custom resolver URL');
    button('Test').click();
    await settle();
    await settle();
    expect(log.filter((line) => line.startsWith('requestOrigin'))).toHaveLength(1);
    expect(log).toContain('test custom');
  });

  it('shows a failed test as an alert with the worker’s sentence', async () => {
    const { actions, state } = fakeActions();
    state.testAnswer = { ok: false, message: 'Cloudflare did not answer within 4 s.' };
    await mount(actions);
    button('Test').click();
    await settle();
    await settle();
    expect(state.tested).toEqual([{ id: 'cloudflare' }]);
    expect(roleText('alert')).toEqual(['Cloudflare did not answer within 4 s.']);
  });

  it('picks JSON for a /resolve URL unless another format is chosen', async () => {
    const { actions, state } = fakeActions();
    await mount(actions);
    pick('Custom');
    await settle();
    type('Custom resolver URL', 'https://dns.google/resolve');
    await settle();
    expect(control<HTMLInputElement>('JSON').checked).toBe(true);
    pick('Wire format (RFC 8484)');
    await settle();
    expect(state.stored.resolver).toEqual({ id: 'custom', customUrl: 'https://dns.google/resolve', customFormat: 'wire' });
  });

  it('clears recent lookups', async () => {
    const { actions, state } = fakeActions();
    await mount(actions);
    expect(container.textContent).toContain('2 remembered.');
    button('Clear recent lookups').click();
    await settle();
    expect(state.recent).toEqual([]);
    expect(container.textContent).toContain('None remembered.');
    expect(roleText('status')).toContain('Recent lookups cleared');
  });

  it('undoes a change it could not save, and says so', async () => {
    const { actions, state } = fakeActions();
    state.failSave = true;
    await mount(actions);
    pick('AdGuard');
    await settle();
    expect(control<HTMLInputElement>('Cloudflare').checked).toBe(true);
    expect(roleText('alert')).toEqual(['Not saved: storage is full']);
  });
});
