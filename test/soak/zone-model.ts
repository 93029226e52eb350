/**
 * The soak's DNS: 200 watched names whose records change with simulated time, and the one
 * answer function the fake DoH (fake-doh-server.ts) serves from. It is also the ground truth:
 * `signature(name, t)` is everything about the name a check at `t` can see, so two checks see a
 * change exactly when their signatures differ (ground-truth.ts).
 *
 * What changes, all at times chosen by a seeded generator, never within a minute of an outage's
 * edge (so a check is not half in one and half out):
 * - `mx-flip`: the MX set flips between one host and two hosts every 2 to 4 days;
 * - `spf`: the SPF TXT flips between `-all` and an include with `~all` every 3 to 6 days;
 * - `dmarc`: the DMARC policy goes none → quarantine → reject → none…, every 4 to 8 days;
 * - `provider`: 20 names share a provider's mail host, whose address moves on day 18 and back on day 25;
 * - `toggle`: one name's SPF changes and changes back inside one check interval (added while
 *   running, after a check of it, by `addToggle`), which no check may log;
 * - `steady`: the rest never change.
 */
export type Group = 'mx-flip' | 'spf' | 'dmarc' | 'provider' | 'toggle' | 'steady';

export interface WatchedName {
  name: string;
  index: number;
  everyMinutes: number;
  group: Group;
}

interface ZoneState {
  mx: 0 | 1;
  spf: 0 | 1;
  dmarc: 0 | 1 | 2;
}

interface ZoneEvent {
  at: number;
  change: Partial<ZoneState>;
}

export type Rr =
  | { name: string; type: 'MX'; ttl: number; data: { preference: number; exchange: string } }
  | { name: string; type: 'A'; ttl: number; data: string }
  | { name: string; type: 'TXT'; ttl: number; data: string[] };

export interface ZoneAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: Rr[];
}

const DAY = 86_400_000;
const PROVIDER_HOST = 'mx.provider.soak.example';
const PROVIDER_IPS = ['203.0.113.10', '203.0.113.20'];
const SPF = ['v=spf1 mx -all', 'v=spf1 mx include:_spf.soak.example ~all'];
const DMARC = ['v=DMARC1; p=none; rua=mailto:dmarc@soak.example', 'v=DMARC1; p=quarantine', 'v=DMARC1; p=reject'];

/** A small seeded generator (mulberry32), so a failing soak can be run again as it was. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface ZoneOptions {
  start: number;
  days: number;
  seed: number;
  /** Times no zone change may come near (outage edges). */
  quietAround: number[];
}

export class ZoneModel {
  readonly names: WatchedName[];
  private readonly byName = new Map<string, WatchedName>();
  private readonly events = new Map<string, ZoneEvent[]>();
  private readonly providerMoves: number[];
  /** Zone changes made, by kind (for the figures). */
  readonly changesMade = { mx: 0, spf: 0, dmarc: 0, provider: 0, toggle: 0 };
  toggle?: { name: string; from: number; to: number };

  constructor(
    readonly options: ZoneOptions,
    /** Minutes between checks, one entry per name (the mix across the schedule's range). */
    intervals: number[],
  ) {
    const rand = random(options.seed);
    // The toggled name: one checked every 6 hours, so its toggle fits between two checks with room.
    const toggled = intervals.findIndex((minutes, i) => i >= 60 && i < intervals.length - 20 && minutes === 360);
    const groupOf = (i: number): Group =>
      i < 20 ? 'mx-flip' : i < 40 ? 'spf' : i < 60 ? 'dmarc' : i >= intervals.length - 20 ? 'provider' : i === toggled ? 'toggle' : 'steady';
    this.names = intervals.map((everyMinutes, i) => ({
      name: `w${String(i + 1).padStart(3, '0')}.soak.example`,
      index: i + 1,
      everyMinutes,
      group: groupOf(i),
    }));
    for (const n of this.names) this.byName.set(n.name, n);
    const end = options.start + options.days * DAY;
    const when = (t: number) => this.awayFromOutages(Math.round(t));
    for (const n of this.names) {
      const events: ZoneEvent[] = [];
      const flip = (minDays: number, maxDays: number, next: (k: number) => Partial<ZoneState>) => {
        let t = options.start + (0.5 + rand() * 2) * DAY;
        for (let k = 1; t < end; k++) {
          events.push({ at: when(t), change: next(k) });
          t += (minDays + rand() * (maxDays - minDays)) * DAY;
        }
      };
      if (n.group === 'mx-flip') flip(2, 4, (k) => ({ mx: (k % 2) as 0 | 1 }));
      if (n.group === 'spf') flip(3, 6, (k) => ({ spf: (k % 2) as 0 | 1 }));
      if (n.group === 'dmarc') flip(4, 8, (k) => ({ dmarc: (k % 3) as 0 | 1 | 2 }));
      for (const e of events) {
        if (e.change.mx !== undefined) this.changesMade.mx++;
        if (e.change.spf !== undefined) this.changesMade.spf++;
        if (e.change.dmarc !== undefined) this.changesMade.dmarc++;
      }
      this.events.set(n.name, events);
    }
    this.providerMoves = [when(options.start + 18.3 * DAY), when(options.start + 25.6 * DAY)];
    this.changesMade.provider = this.providerMoves.length;
  }

  private awayFromOutages(t: number): number {
    for (const edge of this.options.quietAround) if (Math.abs(t - edge) < 60_000) return this.awayFromOutages(edge + 60_000 + 7_777);
    return t;
  }

  /**
   * The toggle: `name`'s SPF changes at `from` and back at `to`, both before its next check. Added
   * while the soak runs, right after a check of the name, since only then is its next check known.
   */
  addToggle(name: string, from: number, to: number): void {
    const events = this.events.get(name)!;
    events.push({ at: this.awayFromOutages(from), change: { spf: 1 } }, { at: this.awayFromOutages(to), change: { spf: 0 } });
    events.sort((a, b) => a.at - b.at);
    this.toggle = { name, from, to };
    this.changesMade.toggle += 2;
  }

  watched(name: string): WatchedName | undefined {
    return this.byName.get(name);
  }

  private state(name: string, t: number): ZoneState {
    const state: ZoneState = { mx: 0, spf: 0, dmarc: 0 };
    for (const e of this.events.get(name) ?? []) {
      if (e.at > t) break;
      Object.assign(state, e.change);
    }
    return state;
  }

  private providerIp(t: number): string {
    return PROVIDER_IPS[this.providerMoves.filter((m) => m <= t).length % 2]!;
  }

  private mxOf(n: WatchedName, s: ZoneState): { preference: number; exchange: string }[] {
    if (n.group === 'provider') return [{ preference: 10, exchange: PROVIDER_HOST }];
    const mx1 = { preference: 10, exchange: `mx1.${n.name}` };
    return s.mx === 0
      ? [mx1]
      : [
          { preference: 10, exchange: `mx2.${n.name}` },
          { ...mx1, preference: 20 },
        ];
  }

  private addressOf(host: string, t: number): string | undefined {
    if (host === PROVIDER_HOST) return this.providerIp(t);
    const match = /^mx([12])\.(.+)$/.exec(host);
    const n = match && this.byName.get(match[2]!);
    if (!n) return undefined;
    return match[1] === '1' ? `192.0.2.${n.index % 250}` : `198.51.100.${n.index % 250}`;
  }

  /** What the zone answers at `t`. Names the zone does not hold are NXDOMAIN. */
  answer(qname: string, qtype: string, t: number): ZoneAnswer {
    const name = qname.toLowerCase().replace(/\.$/, '');
    const nodata: ZoneAnswer = { rcode: 'NOERROR', answers: [] };
    const own = this.byName.get(name);
    if (own) {
      const s = this.state(name, t);
      if (qtype === 'MX') return { rcode: 'NOERROR', answers: this.mxOf(own, s).map((data) => ({ name, type: 'MX', ttl: 300, data })) };
      if (qtype === 'TXT') return { rcode: 'NOERROR', answers: [{ name, type: 'TXT', ttl: 300, data: [SPF[s.spf]!] }] };
      return nodata;
    }
    if (name.startsWith('_dmarc.')) {
      const owner = this.byName.get(name.slice('_dmarc.'.length));
      if (!owner) return { rcode: 'NXDOMAIN', answers: [] };
      if (qtype !== 'TXT') return nodata;
      return { rcode: 'NOERROR', answers: [{ name, type: 'TXT', ttl: 300, data: [DMARC[this.state(owner.name, t).dmarc]!] }] };
    }
    const ip = this.addressOf(name, t);
    if (ip) return qtype === 'A' ? { rcode: 'NOERROR', answers: [{ name, type: 'A', ttl: 300, data: ip }] } : nodata;
    return { rcode: 'NXDOMAIN', answers: [] };
  }

  /** Everything a check of `name` at `t` sees: equal signatures, no change to log. */
  signature(name: string, t: number): string {
    const n = this.byName.get(name)!;
    const s = this.state(name, t);
    const mx = this.mxOf(n, s);
    return JSON.stringify({ mx, addresses: mx.map((m) => this.addressOf(m.exchange, t)), spf: SPF[s.spf], dmarc: DMARC[s.dmarc] });
  }

  /** Which kinds of fact differ between two signatures: what the logged change must be about. */
  static kindsChanged(before: string, after: string): string[] {
    const a = JSON.parse(before) as Record<string, unknown>;
    const b = JSON.parse(after) as Record<string, unknown>;
    return Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  }
}
