/**
 * What the blocklist answers mean for a person. A listing, a refusal or a failure is said as
 * soon as its answer lands (later answers cannot undo it); "clean" waits until every list
 * has answered.
 */
import { listOf, sentences } from '../../wording';
import type { Finding } from '../../vocabulary';
import { blocklistById, blocklistUrl } from './blocklist-table';
import { MAX_BLOCKLIST_ADDRESSES } from './probe-blocklists';
import type { BlocklistInfo, BlocklistResult, BlocklistSection, BlocklistTarget } from './types';

const RFC_ANSWER = 'RFC 5782 §2.1';

interface Cell {
  target: BlocklistTarget;
  list: BlocklistInfo;
  result: BlocklistResult;
}

export function blocklistFindings(section: BlocklistSection, domainDisplay?: string): Finding[] {
  const cells: Cell[] = section.targets.flatMap((target) =>
    target.results.flatMap((result) => {
      const list = section.lists.find((info) => info.id === result.list);
      return list ? [{ target, list, result }] : [];
    }),
  );
  const inState = (state: BlocklistResult['state']) => cells.filter((cell) => cell.result.state === state);
  const findings: Finding[] = [
    ...inState('listed').map(listed),
    ...perList(inState('refused'), refused),
    ...perList(inState('bad-answer'), badAnswer),
    ...perList(inState('error'), failed),
  ];
  const ipv4Only = ipv4OnlyNote(section, cells);
  if (ipv4Only) findings.push(ipv4Only);
  if (section.omitted.length > 0) findings.push(omittedNote(section));
  if (section.status === 'done' && inState('listed').length === 0) {
    const clean = cleanNote(section, cells, domainDisplay);
    if (clean) findings.push(clean);
  }
  return findings;
}

/** `192.0.2.1 (mx.example.com)`. */
export function addressText(target: BlocklistTarget): string {
  return target.hosts.length > 0 ? `${target.ip} (${listOf(target.hosts)})` : target.ip;
}

function listed({ target, list, result }: Cell): Finding {
  const entry = blocklistById(list.id);
  const what = result.codes.map((code, i) => `${result.meanings[i] ?? 'listed'} (${code})`);
  // Codes that come with their own advice (Spamhaus PBL) replace "fix the cause" when they are all there is.
  const advice = [...new Set(result.codes.map((code) => entry?.codes[code]?.advice))];
  const next =
    advice.length === 1 && advice[0] !== undefined
      ? advice[0]
      : `Find and fix the cause first, then look the address up and ask for removal at ${blocklistUrl(list.url, target.ip)}.`;
  return {
    code: 'blocklist-listed',
    severity: result.severity ?? 'warn',
    message: sentences(
      `${addressText(target)} is listed on ${list.name}${result.labels.length > 0 ? ` (${result.labels.join(', ')})` : ''}: ${listOf(what)}.`,
      `Receivers that use ${list.name} refuse or junk mail sent from this address, so this matters when the server also sends mail; it does not stop mail coming in.`,
      next,
      entry?.listingNote ?? '',
    ),
    rfc: RFC_ANSWER,
    subject: target.ip,
  };
}

function perList(cells: readonly Cell[], say: (list: BlocklistInfo, cells: readonly Cell[]) => Finding): Finding[] {
  const byList = new Map<string, Cell[]>();
  for (const cell of cells) byList.set(cell.list.id, [...(byList.get(cell.list.id) ?? []), cell]);
  return [...byList.values()].map((group) => say(group[0]!.list, group));
}

function ipsOf(cells: readonly Cell[]): string {
  return listOf(cells.map((cell) => cell.target.ip));
}

function refused(list: BlocklistInfo, cells: readonly Cell[]): Finding {
  const codes = [...new Set(cells.flatMap((cell) => cell.result.codes.map((code, i) => `${code}: ${cell.result.meanings[i] ?? ''}`)))];
  const these = cells.length === 1 ? 'this address is' : 'these addresses are';
  return {
    code: 'blocklist-refused',
    severity: 'info',
    message: sentences(
      `${list.name} refused to answer for ${ipsOf(cells)} (${codes.join('; ')}). This is not a listing.`,
      blocklistById(list.id)?.refusalNote ?? '',
      `Whether ${these} listed on ${list.name} is unknown: check at ${blocklistUrl(list.url, cells[0]!.target.ip)}.`,
    ),
    rfc: RFC_ANSWER,
  };
}

function badAnswer(list: BlocklistInfo, cells: readonly Cell[]): Finding {
  const answers = [...new Set(cells.flatMap((cell) => cell.result.codes))];
  return {
    code: 'blocklist-bad-answer',
    severity: 'warn',
    message:
      `${list.name} (${list.zone}) answered ${listOf(answers)} for ${ipsOf(cells)}, which is not a blocklist answer: lists answer with addresses in 127.0.0.0/8. ` +
      `The list may have shut down and now answers every name, or the resolver rewrites its answers. Its result is unknown; do not read it as a listing.`,
    rfc: RFC_ANSWER,
  };
}

function failed(list: BlocklistInfo, cells: readonly Cell[]): Finding {
  const why = [
    ...new Set(
      cells.map(({ result }) => (result.status && result.status !== 'error' ? result.status.toUpperCase() : (result.error?.message ?? 'no resolver answered'))),
    ),
  ];
  return {
    code: 'blocklist-error',
    severity: 'info',
    message: `${list.name} could not be asked about ${ipsOf(cells)} (${why.join('; ')}), so whether ${cells.length === 1 ? 'it is' : 'they are'} listed there is unknown.`,
  };
}

function ipv4OnlyNote(section: BlocklistSection, cells: readonly Cell[]): Finding | undefined {
  const skipped = cells.filter((cell) => cell.result.notChecked === 'ipv4-only-list');
  if (skipped.length === 0) return undefined;
  const v6 = [...new Set(skipped.map((cell) => cell.target.ip))];
  const ipv6Lists = section.lists.filter((list) => list.ipv6).map((list) => list.name);
  const lists = new Set(skipped.map((cell) => cell.list.id)).size;
  return {
    code: 'blocklist-ipv4-only',
    severity: 'info',
    message:
      `${lists} of the ${section.lists.length} blocklists cover IPv4 addresses only, so ${listOf(v6)} ${v6.length === 1 ? 'was' : 'were'} checked on ${ipv6Lists.length > 0 ? listOf(ipv6Lists) : 'no list'} alone. ` +
      `IPv6 blocklists work the same way (RFC 5782 §2.4), but few operators run one.`,
    rfc: 'RFC 5782 §2.4',
  };
}

function omittedNote(section: BlocklistSection): Finding {
  return {
    code: 'blocklist-too-many-addresses',
    severity: 'info',
    message: `MXray checks the first ${MAX_BLOCKLIST_ADDRESSES} mail server addresses only; ${section.omitted.length > 3 ? `${section.omitted.slice(0, 3).join(', ')} and ${section.omitted.length - 3} more` : listOf(section.omitted)} ${section.omitted.length === 1 ? 'was' : 'were'} not checked.`,
  };
}

function cleanNote(section: BlocklistSection, cells: readonly Cell[], domain: string | undefined): Finding | undefined {
  const answered = cells.filter((cell) => cell.result.state === 'not-listed');
  if (answered.length === 0) return undefined;
  const addresses = [...new Set(answered.map((cell) => cell.target.ip))];
  const lists = section.lists.filter((list) => answered.some((cell) => cell.list.id === list.id));
  const unanswered = section.lists.filter((list) =>
    cells.some((cell) => cell.list.id === list.id && ['refused', 'bad-answer', 'error'].includes(cell.result.state)),
  );
  const onLists =
    lists.length === 1
      ? `${lists[0]!.name}, the only blocklist that answered`
      : `any of the ${lists.length} blocklists that answered (${listOf(lists.map((list) => list.name))})`;
  const whose = domain ? ` of ${domain}` : '';
  return {
    code: 'blocklist-clean',
    severity: 'ok',
    message: sentences(
      addresses.length === 1
        ? `The mail server address${whose}, ${addresses[0]}, is not listed on ${onLists}.`
        : `None of the ${addresses.length} mail server addresses${whose} is listed on ${onLists}.`,
      unanswered.length > 0
        ? `${listOf(unanswered.map((list) => list.name))} gave no usable answer for some of them: see ${unanswered.length === 1 ? 'its note' : 'their notes'}.`
        : '',
    ),
    rfc: RFC_ANSWER,
  };
}
