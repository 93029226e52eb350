// @vitest-environment happy-dom
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, it } from 'vitest';
import { QuickBox } from './quick-box';
import { mount, unmountAll } from './testing/render';

afterEach(unmountAll);

function submit(form: HTMLFormElement) {
  act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

it('is a search form named "Look up" with the input and button of docs/ui.md', () => {
  const view = mount(h(QuickBox, { onLookup: () => undefined }));
  const form = view.querySelector('form')!;
  expect(form.getAttribute('role')).toBe('search');
  expect(form.getAttribute('aria-label')).toBe('Look up');
  expect(form.querySelector('input')!.getAttribute('aria-label')).toBe('Domain, email, URL or IP');
  expect(form.querySelector('button')!.textContent).toBe('Look up');
  expect(form.querySelector('button')!.getAttribute('type')).toBe('submit');
});

it('looks up what was typed, trimmed, and ignores an empty box', () => {
  const asked: string[] = [];
  const view = mount(h(QuickBox, { onLookup: (input: string) => asked.push(input) }));
  const input = view.querySelector('input')!;
  submit(view.querySelector('form')!);
  input.value = '  alice@bücher.test ';
  submit(view.querySelector('form')!);
  expect(asked).toEqual(['alice@bücher.test']);
});

it('offers recent lookups as datalist options tied to the input', () => {
  const view = mount(h(QuickBox, { onLookup: () => undefined, recent: ['five-mx.test', 'null-mx.test'] }));
  const input = view.querySelector('input')!;
  const list = view.querySelector('datalist')!;
  expect(input.getAttribute('list')).toBe(list.id);
  expect([...list.querySelectorAll('option')].map((option) => option.value)).toEqual(['five-mx.test', 'null-mx.test']);
});

it('takes focus when asked, and starts with the given text', () => {
  const view = mount(h(QuickBox, { onLookup: () => undefined, autoFocus: true, initial: 'five-mx.test' }));
  const input = view.querySelector('input')!;
  expect(document.activeElement).toBe(input);
  expect(input.value).toBe('five-mx.test');
});
