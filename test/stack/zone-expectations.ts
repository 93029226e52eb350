// Reads the `expect` block of test/zones/README.md: the documented answer for every fixture
// question. The stack self-test compares kdig with it; engine tests may reuse it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ExpectedRecord {
  type: string;
  data: string;
}

export interface ZoneExpectation {
  name: string;
  type: string;
  rcode: string;
  /** Every answer record must have this TTL, when given. */
  ttl?: number;
  /**
   * `+ad`: the DoH front ends (dnsdist, fault server) set the AD bit, as a validating resolver
   * would (names under signed.test). Without it AD is clear. knotd itself never sets AD.
   */
  ad: boolean;
  /** In any order. */
  answer: ExpectedRecord[];
  /** Owner of the SOA expected in the authority section (negative answers), if any. */
  soa?: string;
  /** The README line, for test names and failure messages. */
  line: string;
}

export const ZONES_README = fileURLToPath(new URL('../zones/README.md', import.meta.url));

const MARKER = /^(\+ad|ttl=(\d+))(?:\s+|$)/;

function parseLine(line: string): ZoneExpectation {
  const [name, type, rcode, ...restWords] = line.trim().split(/\s+/);
  if (!name || !type || !rcode) throw new Error(`README expect line needs "name type rcode": ${line}`);
  let rest = restWords.join(' ');
  const expectation: ZoneExpectation = { name, type, rcode, ad: false, answer: [], line: line.trim() };
  // Markers before the answer, in any order: `+ad`, `ttl=N`.
  for (let marker = MARKER.exec(rest); marker; marker = MARKER.exec(rest)) {
    if (marker[2] !== undefined) expectation.ttl = Number(marker[2]);
    else expectation.ad = true;
    rest = rest.slice(marker[0].length);
  }
  const soa = /\s*\(SOA (\S+)\)$/.exec(rest);
  if (soa) {
    expectation.soa = soa[1];
    rest = rest.slice(0, soa.index);
  }
  if (rest === '(empty)') rest = '';
  expectation.answer = splitRecords(rest)
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      // Records of another type than asked (CNAMEs in a chain) are written `TYPE data`.
      const typed = /^([A-Z][A-Z0-9]*) (.+)$/.exec(item);
      return typed ? { type: typed[1]!, data: typed[2]! } : { type, data: item };
    });
  return expectation;
}

/** Records are separated by ` | `, except inside a quoted TXT string (IP-to-ASN records hold ` | `). */
function splitRecords(text: string): string[] {
  const records: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text.startsWith(' | ', i)) {
      records.push(text.slice(start, i));
      start = i + 3;
      i += 2;
    }
  }
  return [...records, text.slice(start)];
}

export function loadZoneExpectations(readme = ZONES_README): ZoneExpectation[] {
  const block = /```expect\n([\s\S]*?)```/.exec(readFileSync(readme, 'utf8'))?.[1];
  if (!block) throw new Error(`${readme} has no \`\`\`expect block`);
  const lines: string[] = [];
  for (const raw of block.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('|')) {
      // Continuation of the previous line's answer.
      lines[lines.length - 1] += ` ${line}`;
      continue;
    }
    lines.push(line);
  }
  return lines.map(parseLine);
}
