// @vitest-environment happy-dom
import { h } from 'preact';
import { afterEach, expect, it } from 'vitest';
import type { Finding } from '../core/report';
import { FindingsList } from './findings-list';
import { mount, textOf, unmountAll } from './testing/render';

afterEach(unmountAll);

const findings: Finding[] = [
  { code: 'mx-nxdomain', severity: 'error', message: 'missing.example does not exist.', rfc: 'RFC 5321 §5.1' },
  { code: 'missing-ptr', severity: 'warn', message: '192.0.2.3 has no PTR.' },
  { code: 'equal-preference', severity: 'info', message: 'Two servers share preference 10.', rfc: 'RFC 5321 §5.1' },
  { code: 'mail-ok', severity: 'ok', message: 'All good.' },
];

it('is a section named "Findings" listing each finding as severity word, message, then RFC', () => {
  const section = mount(h(FindingsList, { findings })).querySelector('section')!;
  expect(section.getAttribute('aria-label')).toBe('Findings');
  expect([...section.querySelectorAll('li')].map(textOf)).toEqual([
    'Error missing.example does not exist. RFC 5321 §5.1',
    'Warning 192.0.2.3 has no PTR.',
    'Info Two servers share preference 10. RFC 5321 §5.1',
    'OK All good.',
  ]);
});

it('keeps the order it is given (runChecks puts the most severe first)', () => {
  const reversed = [...findings].reverse();
  const items = [...mount(h(FindingsList, { findings: reversed })).querySelectorAll('li')];
  expect(items.map((item) => item.querySelector('.severity')!.textContent)).toEqual(['OK', 'Info', 'Warning', 'Error']);
});

it('says so while there are none yet', () => {
  expect(textOf(mount(h(FindingsList, { findings: [] })))).toBe('Findings None yet.');
});
