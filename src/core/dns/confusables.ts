/**
 * Names that look like other names (UTS #39): a label that mixes scripts (`pаypal` with a
 * Cyrillic а), or one written wholly in letters that look Latin (`раура1`), reads as a Latin
 * name it is not. `spoofingOf` says which, and the Latin look-alike where there is one.
 */

/** Scripts a letter can belong to, in the order they are named. */
const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Cherokee',
  'Hebrew',
  'Arabic',
  'Devanagari',
  'Thai',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Bopomofo',
] as const;
const SCRIPT_TESTS = SCRIPTS.map((script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const);

/** UTS #39 "highly restrictive": Latin with the scripts Chinese, Japanese and Korean write it with. */
const ALLOWED_MIXES: readonly (readonly string[])[] = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];

/** Letters of other scripts that look like a Latin letter or digit (from the UTS #39 confusables data). */
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ь: 'b',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  ω: 'w',
  օ: 'o',
  ս: 'u',
  հ: 'h',
  ց: 'g',
  ո: 'n',
  ɑ: 'a',
  ı: 'i',
  ɡ: 'g',
  ℓ: 'l',
  ꮃ: 'w',
};

export interface Spoofing {
  /** Two or more scripts in one label, e.g. ['Latin', 'Cyrillic']. */
  mixed?: string[];
  /** The all-Latin name it can be read as, when every letter has a Latin look-alike. */
  looksLike?: string;
}

export function scriptsOf(label: string): string[] {
  const found = new Set<string>();
  for (const char of label) {
    if (!/\p{L}/u.test(char)) continue;
    const script = SCRIPT_TESTS.find(([, test]) => test.test(char))?.[0] ?? 'other';
    found.add(script);
  }
  return [...found];
}

/** What makes a Unicode name (labels already decoded) misleading, or undefined. */
export function spoofingOf(unicodeName: string): Spoofing | undefined {
  const labels = unicodeName.split('.');
  const result: Spoofing = {};
  for (const label of labels) {
    const scripts = scriptsOf(label);
    if (scripts.length > 1 && !ALLOWED_MIXES.some((mix) => scripts.every((s) => mix.includes(s)))) {
      result.mixed = [...new Set([...(result.mixed ?? []), ...scripts])];
    }
  }
  if (/[^\x20-\x7e]/.test(unicodeName)) {
    const skeleton = [...unicodeName].map((char) => LOOKALIKES[char] ?? char).join('');
    if (/^[a-z0-9.-]+$/.test(skeleton)) result.looksLike = skeleton;
  }
  return result.mixed || result.looksLike ? result : undefined;
}
