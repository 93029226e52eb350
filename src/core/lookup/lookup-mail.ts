/**
 * The lookup plan (docs/architecture.md, "round trips are the budget"). Nothing waits for an
 * answer it does not need:
 *   1. at once, in parallel: MX, TXT, _dmarc TXT, and A/AAAA of the name (for implicit MX);
 *   2. the moment MX lands: A and AAAA of every exchange;
 *   3. the moment an address lands: its PTR;
 *   4. the moment a PTR lands: the forward lookup of each PTR name (FCrDNS).
 * So the first answer is one round trip away, the whole report four, whatever the number of
 * MX hosts. Every answer updates a draft report, and a snapshot (with findings) is pushed to
 * `onUpdate` once per burst of answers (one task), so a UI paints progressively.
 *
 * Failures never escape: each question's failure becomes a status and an `ErrorInfo` in the
 * report; the promise always resolves with a finished report.
 */
import { runChecks } from '../checks';
import { isQueryableName, normaliseName, type QuestionType } from '../dns/message';
import type { DnsAnswer } from '../doh/dns-answer';
import type { DohClient } from '../doh/doh-client';
import { AllResolversFailed, toErrorInfo } from '../errors';
import { classifyAddress } from '../ip/classify-address';
import { compareIps } from '../ip/compare-ips';
import { parseIp } from '../ip/parse-ip';
import { buildPtrName } from '../ip/ptr-name';
import { displayName } from '../dns/display-name';
import type { Address, AnswerStatus, ErrorInfo, Exchange, Query, Report } from '../report';
import { REPORT_VERSION } from '../report';
import type { AskResult, DnsAsk, MailQuestionType } from '../mail/dns-ask';
import { mailAddressesOf, newMailDiagnostics, runMailDiagnostics, withMailFindings, type DiagnosticsOptions } from '../mail/mail-diagnostics';
import { hostNameProblem } from '../checks/hostname-syntax';
import { ignoredRecords } from './ignored-records';
import { minTtl, readAnswer, txtValues } from './read-answer';

export interface LookupOptions {
  /** Ask PTR for every address (default true). */
  ptr?: boolean;
  /** Forward-confirm each PTR name (default true; needs `ptr`). */
  fcrdns?: boolean;
  signal?: AbortSignal;
  /** Called with a fresh snapshot whenever answers have landed. */
  onUpdate?: (report: Report) => void;
  /** Milliseconds clock (elapsed time in the report). */
  now?: () => number;
  /**
   * The mail diagnostics (SPF, DMARC, DKIM, MTA-STS, TLS-RPT, BIMI, DNSSEC, provider, and
   * blocklists when asked) in `report.mail`; none when left out. Their questions are asked in
   * stage 1 beside the MX question, so the MX list is not one round trip later for them.
   */
  diagnostics?: DiagnosticsOptions;
}

/** Snapshots after the first MX one are at most this often (one frame). */
const MIN_UPDATE_INTERVAL_MS = 16;

/** At most this many PTR names of one address are forward-checked (a PTR RRset can be huge). */
const MAX_PTR_NAMES = 5;

type Outcome = { answer: DnsAnswer; error?: undefined; depth: number } | { answer?: undefined; error: ErrorInfo; depth: number };

export function lookupMail(query: Query, client: DohClient, options: LookupOptions = {}): Promise<Report> {
  return new MailLookup(query, client, options).run();
}

class MailLookup {
  private readonly draft: Report;
  private readonly now: () => number;
  private readonly ptr: boolean;
  private readonly fcrdns: boolean;
  private pending = 0;
  private emitTimer: ReturnType<typeof setTimeout> | undefined;
  private lastEmitAt = Number.NEGATIVE_INFINITY;
  private mxEmitted = false;
  private finish: (report: Report) => void = () => undefined;
  /** Exchanges sharing a host share one pair of address questions. */
  private readonly exchangesByHost = new Map<string, Exchange[]>();
  /** The name's own addresses (stage 1), kept until we know whether MX is implicit. */
  private readonly hostAnswers: { A?: Outcome; AAAA?: Outcome } = {};
  private mxDepth = 0;
  /** The diagnostics wait for the MX answer (see startDiagnostics). */
  private diagnosticsWaiting = false;
  /** Resolved once every mail host's addresses are known (the blocklists wait for them). */
  private addressesKnown: (addresses: ReturnType<typeof mailAddressesOf>) => void = () => undefined;
  private readonly mailAddresses = new Promise<ReturnType<typeof mailAddressesOf>>((resolve) => (this.addressesKnown = resolve));

  constructor(
    private readonly query: Query,
    private readonly client: DohClient,
    private readonly options: LookupOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.ptr = options.ptr ?? true;
    this.fcrdns = this.ptr && (options.fcrdns ?? true);
    const isIp = query.kind === 'ip';
    this.draft = {
      version: REPORT_VERSION,
      query,
      resolver: client.providers[0]!.id,
      answeredBy: [],
      startedAt: this.now(),
      elapsedMs: 0,
      status: 'running',
      mxStatus: isIp ? 'skipped' : 'pending',
      hostStatus: isIp ? { A: 'skipped', AAAA: 'skipped' } : { A: 'pending', AAAA: 'pending' },
      nullMx: false,
      implicitMx: false,
      cname: [],
      exchanges: [],
      txt: { records: [], status: isIp ? 'skipped' : 'pending', spf: [], dmarc: [], dmarcStatus: isIp ? 'skipped' : 'pending' },
      findings: [],
      errors: [],
      resolverEvents: [],
      stats: { requests: 0, cacheHits: 0, roundTrips: 0 },
    };
    if (!isIp && options.diagnostics) this.draft.mail = newMailDiagnostics(options.diagnostics);
  }

  run(): Promise<Report> {
    const done = new Promise<Report>((resolve) => (this.finish = resolve));
    this.pending++; // hold the report open until every stage-1 question is asked
    if (this.query.kind === 'ip') this.startIp();
    else this.startDomain();
    this.settle();
    return done;
  }

  // ---- stage 1 -------------------------------------------------------------------------

  private startDomain(): void {
    const name = this.query.name;
    this.ask(name, 'MX', 0, (outcome) => this.onMx(outcome));
    this.ask(name, 'A', 0, (outcome) => this.onHostAddress('A', outcome));
    this.ask(name, 'AAAA', 0, (outcome) => this.onHostAddress('AAAA', outcome));
    this.ask(name, 'TXT', 0, (outcome) => this.onTxt(outcome));
    const dmarcName = `_dmarc.${name}`;
    if (isQueryableName(dmarcName)) this.ask(dmarcName, 'TXT', 0, (outcome) => this.onDmarc(outcome));
    else this.draft.txt.dmarcStatus = 'skipped';
    if (this.draft.mail && this.options.diagnostics) {
      // Held open until the diagnostics start, and then until they end (see startDiagnostics).
      this.pending++;
      this.diagnosticsWaiting = true;
    }
  }

  /**
   * The diagnostics start once the MX answer is in (in the task that brought it, right after the
   * first snapshot with the mail servers went out), not beside the MX question. Asked together,
   * their ~45 answers land with the MX one and the client works through all of them before the
   * MX snapshot leaves: in the browser that delayed the first row by ~150 ms at 50 ms RTT
   * (docs/performance.md). Started here they cost the report no round trip it would not wait
   * for anyway: the routing needs two more (addresses, then PTR) after the MX answer.
   */
  private startDiagnostics(): void {
    const mail = this.draft.mail;
    if (!this.diagnosticsWaiting || !mail || !this.options.diagnostics || this.draft.mxStatus === 'pending') return;
    this.diagnosticsWaiting = false;
    const name = this.query.name;
    runMailDiagnostics(mail, { domain: name, ask: this.askMail, ...(this.options.signal ? { signal: this.options.signal } : {}) }, this.options.diagnostics, this.mailAddresses)
      .catch((error: unknown) => this.noteError(toErrorInfo(error, 'MXray', `${name} mail diagnostics`), error))
      .finally(() => this.settle());
  }

  /** The diagnostics' way to ask (src/core/mail/dns-ask.ts): through this lookup's client and stats. */
  private readonly askMail: DnsAsk = (name, type, after) =>
    new Promise<AskResult>((resolve) => {
      // Depth from the lookup's start: a question asked after another answer counts from it;
      // one asked on its own waits behind the round trips already gone (the MX answer, for the
      // diagnostics' first questions; the addresses, for the blocklists).
      const depth = after?.depth ?? this.draft.stats.roundTrips;
      const base = { name, type, values: [], authenticated: false, depth };
      if (!isQueryableName(name)) {
        resolve({ ...base, status: 'error', error: { code: 'bad-name', message: `"${name}" is not a name DNS can look up (too long, or an empty label).` } });
        return;
      }
      this.ask(name, type, depth, (outcome) => resolve(askResultOf(name, type, outcome)), 'mail');
    });

  private startIp(): void {
    const family = this.query.family ?? 4;
    const address = this.newAddress(this.query.name, family, 0);
    this.draft.ptr = address;
    this.askPtr(address, 0);
  }

  private onMx(outcome: Outcome): void {
    this.mxDepth = outcome.depth;
    if (!outcome.answer) {
      this.draft.mxStatus = 'error';
      return;
    }
    const read = readAnswer(outcome.answer, 'MX');
    this.draft.mxStatus = read.status;
    this.draft.cname = read.cname;
    if (read.chain) this.draft.cnameProblem = read.chain;
    this.draft.authenticated = outcome.answer.authenticated;
    if (this.draft.mail) this.draft.mail.dnssec.mx = { question: `${this.query.name} MX`, status: read.status, authenticated: outcome.answer.authenticated };
    this.draft.mxTtl = minTtl(read.records);
    const exchanges = read.records.map((record): Exchange => {
      const host = normaliseName(record.data.exchange);
      const literal = host !== '' && parseIp(host) !== undefined;
      return {
        host,
        display: host === '' ? '.' : displayName(host),
        preference: record.data.preference,
        ttl: record.ttl,
        implicit: false,
        cname: [],
        state: host === '' ? 'null' : literal ? 'ip-literal' : 'pending',
        addressStatus: host === '' || literal ? { A: 'skipped', AAAA: 'skipped' } : { A: 'pending', AAAA: 'pending' },
        addresses: [],
        errors: [],
      };
    });
    // RFC 5321 §5.1: lower preference first; ties are load balancing, shown in a stable order.
    exchanges.sort((a, b) => a.preference - b.preference || a.host.localeCompare(b.host));
    this.draft.exchanges = exchanges;
    // RFC 7505 §3: a null MX is a single MX RR with preference 0 and the root as exchange.
    this.draft.nullMx = exchanges.length === 1 && exchanges[0]!.state === 'null' && exchanges[0]!.preference === 0;
    for (const exchange of exchanges) {
      if (exchange.state !== 'pending') continue;
      const sharing = this.exchangesByHost.get(exchange.host);
      if (sharing) {
        sharing.push(exchange);
        continue;
      }
      this.exchangesByHost.set(exchange.host, [exchange]);
      for (const type of ['A', 'AAAA'] as const) {
        this.ask(exchange.host, type, outcome.depth, (result) => this.onExchangeAddress(exchange.host, type, result));
      }
    }
    this.considerImplicitMx();
  }

  private onHostAddress(type: 'A' | 'AAAA', outcome: Outcome): void {
    this.hostAnswers[type] = outcome;
    this.draft.hostStatus[type] = outcome.answer ? readAnswer(outcome.answer, type).status : 'error';
    this.considerImplicitMx();
  }

  /**
   * RFC 5321 §5.1: with no MX records (NODATA), the domain itself is the mail host, with
   * preference 0. Its address questions were asked in stage 1, so this costs no round trip.
   */
  private considerImplicitMx(): void {
    if (this.draft.mxStatus !== 'nodata') return;
    let exchange = this.draft.exchanges.find((e) => e.implicit);
    if (!exchange) {
      const known = (['A', 'AAAA'] as const).some((type) => this.draft.hostStatus[type] === 'ok');
      if (!known) return;
      exchange = {
        host: this.query.name,
        display: this.query.display,
        preference: 0,
        ttl: 0,
        implicit: true,
        cname: [],
        state: 'pending',
        addressStatus: { A: 'pending', AAAA: 'pending' },
        addresses: [],
        errors: [],
      };
      this.draft.exchanges = [exchange];
      this.draft.implicitMx = true;
    }
    for (const type of ['A', 'AAAA'] as const) {
      const outcome = this.hostAnswers[type];
      if (outcome && exchange.addressStatus[type] === 'pending') {
        this.applyAddresses(exchange, type, { ...outcome, depth: Math.max(outcome.depth, this.mxDepth) });
      }
    }
    exchange.ttl = minTtl(exchange.addresses) ?? 0;
  }

  // ---- stage 2: exchange addresses ---------------------------------------------------------

  private onExchangeAddress(host: string, type: 'A' | 'AAAA', outcome: Outcome): void {
    for (const exchange of this.exchangesByHost.get(host) ?? []) this.applyAddresses(exchange, type, outcome);
  }

  private applyAddresses(exchange: Exchange, type: 'A' | 'AAAA', outcome: Outcome): void {
    if (!outcome.answer) {
      exchange.addressStatus[type] = 'error';
      exchange.errors.push(outcome.error);
    } else {
      const read = readAnswer(outcome.answer, type);
      exchange.addressStatus[type] = read.status;
      if (read.cname.length > 0) exchange.cname = read.cname;
      const hosts = this.draft.mail?.dnssec.hosts;
      if (hosts && !hosts.some((h) => h.host === exchange.host && h.question.endsWith(` ${type}`))) {
        hosts.push({ host: exchange.host, question: `${exchange.host} ${type}`, status: read.status, authenticated: outcome.answer.authenticated });
      }
      for (const record of read.records) {
        const parsed = parseIp(record.data);
        if (!parsed || exchange.addresses.some((a) => a.ip === parsed.ip)) continue;
        const address = this.newAddress(parsed.ip, parsed.family, record.ttl);
        exchange.addresses.push(address);
        this.askPtr(address, outcome.depth);
      }
      exchange.addresses.sort((a, b) => compareIps(a.ip, b.ip));
    }
    exchange.state = exchangeState(exchange);
  }

  // ---- stages 3 and 4: PTR and forward confirmation ----------------------------------------

  private newAddress(ip: string, family: 4 | 6, ttl: number): Address {
    const address: Address = {
      ip,
      family,
      ttl,
      ptrStatus: this.ptr ? 'pending' : 'skipped',
      ptr: [],
      fcrdns: this.ptr ? 'pending' : 'skipped',
    };
    const range = classifyAddress(ip);
    if (range) address.range = range.range;
    return address;
  }

  private askPtr(address: Address, depth: number): void {
    if (!this.ptr) return;
    this.ask(buildPtrName(address.ip), 'PTR', depth, (outcome) => this.onPtr(address, outcome));
  }

  private onPtr(address: Address, outcome: Outcome): void {
    if (!outcome.answer) {
      address.ptrStatus = 'error';
      address.fcrdns = 'none';
      return;
    }
    // PTR answers may come through CNAMEs (RFC 2317 classless reverse delegation).
    const read = readAnswer(outcome.answer, 'PTR');
    address.ptrStatus = read.status;
    address.ttl ||= minTtl(read.records) ?? 0;
    const names = [...new Set(read.records.map((r) => normaliseName(r.data)))].sort();
    address.ptr = names.map((name) => ({ name, forward: [], forwardStatus: this.fcrdns ? 'pending' : 'skipped' }));
    if (names.length === 0) {
      address.fcrdns = 'none';
      return;
    }
    if (!this.fcrdns) {
      address.fcrdns = 'skipped';
      return;
    }
    const type = address.family === 4 ? 'A' : 'AAAA';
    address.ptr.forEach((ptrName, index) => {
      // A name that is not a host name (ESC, U+202E, a space...) can never confirm, whatever its A says.
      if (index >= MAX_PTR_NAMES || !isQueryableName(ptrName.name) || hostNameProblem(ptrName.name) !== undefined) {
        ptrName.forwardStatus = 'skipped';
        return;
      }
      this.ask(ptrName.name, type, outcome.depth, (forward) => {
        if (forward.answer) {
          const read = readAnswer(forward.answer, type);
          ptrName.forwardStatus = read.status;
          ptrName.forward = read.records.flatMap((r) => parseIp(r.data)?.ip ?? []);
        } else {
          ptrName.forwardStatus = 'error';
        }
        address.fcrdns = fcrdnsOf(address);
      });
    });
    address.fcrdns = fcrdnsOf(address);
  }

  // ---- TXT -------------------------------------------------------------------------------

  private onTxt(outcome: Outcome): void {
    if (!outcome.answer) {
      this.draft.txt.status = 'error';
      return;
    }
    const { status, values } = txtValues(outcome.answer);
    this.draft.txt.status = status;
    this.draft.txt.records = values;
    if (this.draft.mail) this.draft.mail.dnssec.txt = { question: `${this.query.name} TXT`, status, authenticated: outcome.answer.authenticated };
    // RFC 7208 §4.5: an SPF record starts with "v=spf1" followed by a space or its end.
    this.draft.txt.spf = values.filter((v) => /^v=spf1(\s|$)/i.test(v));
  }

  private onDmarc(outcome: Outcome): void {
    if (!outcome.answer) {
      this.draft.txt.dmarcStatus = 'error';
      return;
    }
    const { status, values } = txtValues(outcome.answer);
    this.draft.txt.dmarcStatus = status;
    // RFC 7489 §6.4: the record must start with "v=DMARC1".
    this.draft.txt.dmarc = values.filter((v) => /^v\s*=\s*DMARC1(\s*;|\s*$)/i.test(v));
  }

  // ---- plumbing --------------------------------------------------------------------------

  /**
   * Ask one question; `parentDepth` is the round-trip depth of the answer that made us ask it,
   * so `stats.roundTrips` is the critical-path depth. Cache hits add no depth.
   */
  private ask(name: string, type: QuestionType, parentDepth: number, onOutcome: (outcome: Outcome) => void, track: 'routing' | 'mail' = 'routing'): void {
    this.pending++;
    const signal = this.options.signal;
    // The diagnostics' questions yield to the routing's when requests have to queue.
    const priority = track === 'mail' ? 'background' : 'normal';
    this.client
      .query({ name, type }, signal ? { signal, priority } : { priority })
      .then(
        (answer): Outcome => {
          this.noteAnswer(answer);
          if (track === 'mail' && this.draft.mail) this.draft.mail.requests += answer.requests;
          // A cached answer costs no round trip; nor does joining a request already in flight
          // (requests 0): it was asked earlier, at no greater depth, and its round trip is counted there.
          return { answer, depth: parentDepth + (answer.fromCache || answer.requests === 0 ? 0 : 1) };
        },
        (error: unknown): Outcome => {
          const info = toErrorInfo(error, this.client.providers[0]!.name, `${name} ${type}`);
          this.noteError(info, error);
          return { error: info, depth: parentDepth + 1 };
        },
      )
      .then((outcome) => {
        // The diagnostics keep their own depth: `stats.roundTrips` is the mail routing's
        // (MX -> addresses -> PTR -> forward), which a long SPF include chain must not hide.
        if (track === 'routing') this.draft.stats.roundTrips = Math.max(this.draft.stats.roundTrips, outcome.depth);
        else if (this.draft.mail) this.draft.mail.roundTrips = Math.max(this.draft.mail.roundTrips, outcome.depth);
        onOutcome(outcome);
      })
      .catch((error: unknown) => this.noteError(toErrorInfo(error, 'MXray', `${name} ${type}`), error))
      .finally(() => this.settle());
  }

  private noteAnswer(answer: DnsAnswer): void {
    const stats = this.draft.stats;
    stats.requests += answer.requests;
    if (answer.fromCache) stats.cacheHits++;
    if (!this.draft.answeredBy.includes(answer.resolver)) this.draft.answeredBy.push(answer.resolver);
    for (const note of answer.notes ?? []) this.noteError(ignoredRecords(answer, note), undefined);
    for (const failure of answer.failures) {
      const known = this.draft.resolverEvents.some((e) => e.resolver === failure.resolver && e.error.code === failure.code);
      const next = this.client.providers.find((p) => p.id === answer.resolver)?.name ?? answer.resolver;
      if (!known) this.draft.resolverEvents.push({ resolver: failure.resolver ?? 'resolver', error: failure, next });
    }
  }

  private noteError(info: ErrorInfo, error: unknown): void {
    const failures = error instanceof AllResolversFailed ? error.failures : [];
    if (error instanceof AllResolversFailed) this.draft.stats.requests += error.requests;
    for (const failure of failures.map((f) => f.toJSON())) {
      const known = this.draft.resolverEvents.some((e) => e.resolver === failure.resolver && e.error.code === failure.code);
      if (!known) this.draft.resolverEvents.push({ resolver: failure.resolver ?? 'resolver', error: failure });
    }
    // One line per distinct failure, not one per question: 40 identical timeouts help nobody.
    if (!this.draft.errors.some((e) => e.code === info.code && e.message === info.message)) this.draft.errors.push(info);
  }

  private settle(): void {
    this.noticeAddressesKnown();
    this.pending--;
    if (this.pending > 0) {
      this.scheduleEmit();
      this.startDiagnostics();
      return;
    }
    this.draft.status = 'done';
    this.finish(this.emit());
  }

  /**
   * Once the MX answer and every mail host's A/AAAA are in, hand the addresses on (once). The
   * DNSSEC section is complete at the same moment, so its status doubles as the "once".
   */
  private noticeAddressesKnown(): void {
    const draft = this.draft;
    if (!draft.mail || draft.mail.dnssec.status === 'done' || !this.mailAnswerKnown()) return;
    if (draft.exchanges.some((e) => e.addressStatus.A === 'pending' || e.addressStatus.AAAA === 'pending')) return;
    draft.mail.dnssec.status = 'done';
    this.addressesKnown(mailAddressesOf(draft));
  }

  /**
   * One snapshot per burst of answers: answers that land in the same task (HTTP/2 delivers
   * many at once) make one update, not one each; and at most one per frame (16 ms) after that,
   * since with the mail diagnostics a lookup gets 50-100 answers and a snapshot costs a deep copy
   * and every check. The first snapshot with the MX answer never waits: it is the one people
   * are waiting for. None is made when nobody listens.
   */
  private scheduleEmit(): void {
    if (!this.options.onUpdate) return;
    // The first snapshot that answers "where does mail go?" goes out now, in the task that
    // brought the answer: not after a timer, behind the handling of every other answer that
    // landed with it (with the diagnostics on, dozens do).
    if (!this.mxEmitted && this.mailAnswerKnown()) {
      if (this.emitTimer !== undefined) clearTimeout(this.emitTimer);
      this.emitTimer = undefined;
      this.emit();
      return;
    }
    if (this.emitTimer !== undefined) return;
    const wait = Math.max(0, this.lastEmitAt + MIN_UPDATE_INTERVAL_MS - this.now());
    this.emitTimer = setTimeout(() => {
      this.emitTimer = undefined;
      if (this.draft.status === 'running') this.emit();
    }, wait);
  }

  /** The MX answer is in, and for a domain without MX, whether it has an implicit one. */
  private mailAnswerKnown(): boolean {
    const draft = this.draft;
    if (draft.mxStatus === 'pending') return false;
    if (draft.mxStatus !== 'nodata' || draft.exchanges.length > 0) return true;
    return draft.hostStatus.A !== 'pending' && draft.hostStatus.AAAA !== 'pending';
  }

  /** A deep copy with findings, so listeners can keep or send it while the draft grows. */
  private emit(): Report {
    this.lastEmitAt = this.now();
    if (this.mailAnswerKnown()) this.mxEmitted = true;
    this.draft.elapsedMs = Math.round(this.now() - this.draft.startedAt);
    const snapshot = structuredClone(this.draft);
    snapshot.findings = runChecks(snapshot);
    withMailFindings(snapshot);
    try {
      this.options.onUpdate?.(snapshot);
    } catch {
      // A listener's bug must not stop the lookup.
    }
    return snapshot;
  }
}

function askResultOf(name: string, type: MailQuestionType, outcome: Outcome): AskResult {
  if (!outcome.answer) return { name, type, status: 'error', values: [], authenticated: false, error: outcome.error, depth: outcome.depth };
  const read = readAnswer(outcome.answer, type);
  const values = read.records.map((record) => {
    if (record.type === 'TXT') return record.data.join('');
    if (record.type === 'MX') return normaliseName(record.data.exchange);
    return parseIp(String(record.data))?.ip ?? String(record.data);
  });
  const result: AskResult = { name, type, status: read.status, values, authenticated: outcome.answer.authenticated, depth: outcome.depth };
  const ttl = minTtl(read.records);
  if (ttl !== undefined) result.ttl = ttl;
  return result;
}

function exchangeState(exchange: Exchange): Exchange['state'] {
  const { A, AAAA } = exchange.addressStatus;
  if (exchange.addresses.length > 0) return 'resolved';
  if (A === 'pending' || AAAA === 'pending') return 'pending';
  if (A === 'nxdomain' || AAAA === 'nxdomain') return 'nxdomain';
  const empty = (s: AnswerStatus) => s === 'nodata' || s === 'ok';
  if (empty(A) && empty(AAAA)) return 'no-address';
  return 'error';
}

function fcrdnsOf(address: Address): Address['fcrdns'] {
  if (address.ptr.some((p) => p.forward.includes(address.ip))) return 'pass';
  if (address.ptr.some((p) => p.forwardStatus === 'pending')) return 'pending';
  return 'fail';
}
