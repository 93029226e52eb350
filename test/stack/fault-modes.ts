// Parses the fault server's path: misbehaviours are leading path segments before the endpoint,
// so any DoH client can be pointed at one just by its URL, e.g. `/tag/t1/delay/50/dns-query`.
import { BEND_MODES, type BendMode, type Bends } from './fault-bend';

/** Modes that take no argument. */
export const FLAG_MODES = [
  'hang',
  'garbage',
  'truncated-body',
  'tc',
  'wrong-type',
  'empty',
  'mismatch-id',
  'mismatch-question',
  'post-only',
  'json',
  // Hostile modes (fault-hostile.ts)
  'endless',
  'huge-body',
  'redirect-http',
  'reset',
  'drip',
] as const;
export type FlagMode = (typeof FLAG_MODES)[number];

/** Modes followed by one argument segment (and the byte-level ones of fault-bend.ts). */
export const ARG_MODES = ['tag', 'delay', 'status', 'rcode', ...BEND_MODES, 'corpus'] as const;

export const ENDPOINTS = ['dns-query', 'resolve'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export interface FaultPlan {
  endpoint: Endpoint;
  tag: string | null;
  /** The segments as given, without the tag, e.g. ['delay/50', 'json']. */
  modes: string[];
  delayMs: number;
  status: number | null;
  /** `/rcode/refused`: answer with this DNS rcode and no records. */
  rcode: string | null;
  flags: ReadonlySet<FlagMode>;
  /** Byte-level bends of the real answer (fault-bend.ts). */
  bends: Bends;
  /** `/corpus/<n>`: answer with hostile response number n of the corpus (fault-corpus.ts). */
  corpus: number | null;
}

export function parseFaultPath(pathname: string): FaultPlan | { error: string } {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const endpoint = segments.pop();
  if (!(ENDPOINTS as readonly (string | undefined)[]).includes(endpoint)) {
    return { error: `path must end in /dns-query or /resolve, got ${pathname}` };
  }
  const plan: FaultPlan = {
    endpoint: endpoint as Endpoint,
    tag: null,
    modes: [],
    delayMs: 0,
    status: null,
    rcode: null,
    flags: new Set(),
    bends: {},
    corpus: null,
  };
  const flags = new Set<FlagMode>();
  for (let i = 0; i < segments.length; i++) {
    const mode = segments[i] as string;
    if ((FLAG_MODES as readonly string[]).includes(mode)) {
      flags.add(mode as FlagMode);
      plan.modes.push(mode);
      continue;
    }
    if (!(ARG_MODES as readonly string[]).includes(mode)) return { error: `unknown fault mode "${mode}"` };
    const arg = segments[++i];
    if (arg === undefined) return { error: `fault mode "${mode}" needs an argument` };
    if (mode === 'tag') {
      plan.tag = arg;
      continue;
    }
    plan.modes.push(`${mode}/${arg}`);
    if (mode === 'rcode') plan.rcode = arg.toUpperCase();
    else if (!/^\d+$/.test(arg)) return { error: `fault mode "${mode}" needs a number, got "${arg}"` };
    else if ((BEND_MODES as readonly string[]).includes(mode)) plan.bends[mode as BendMode] = Number(arg);
    else if (mode === 'corpus') plan.corpus = Number(arg);
    else if (mode === 'delay') plan.delayMs += Number(arg);
    else plan.status = Number(arg);
  }
  return { ...plan, flags };
}
