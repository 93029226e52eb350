/** Reports for the history tests: a base domain report, and fast-check arbitraries of whole reports. */
import fc from 'fast-check';
import { testAddress, testExchange, testReport } from '../../routing-checks/test-report';
import type { Exchange, Report } from '../../report';
import type { AnswerStatus, Finding } from '../../vocabulary';

type Overrides = Parameters<typeof testReport>[0];

export function report(overrides: Overrides & { findings?: Finding[] } = {}): Report {
  const { findings = [], ...rest } = overrides;
  return { ...testReport(rest), findings };
}

const HOSTS = ['mx1.example.com', 'mx2.example.com', 'mx.example.net', 'mail.example.org'];
const IPS = ['192.0.2.1', '192.0.2.2', '192.0.2.10', '198.51.100.7', '2001:db8::1', '2001:db8::25'];
const NAMES = ['a.example.com', 'b.example.com', 'mx1.example.com'];
const SPF = ['v=spf1 -all', 'v=spf1 mx ~all', 'v=spf1 include:_spf.example.net -all', 'v=spf1 ip4:192.0.2.0/24 ?all'];
const DMARC = ['v=DMARC1; p=none', 'v=DMARC1; p=quarantine; rua=mailto:d@example.com', 'v=DMARC1; p=reject'];
const STATUSES: AnswerStatus[] = ['ok', 'nodata', 'nxdomain', 'servfail', 'error'];

const subset = <T>(pool: readonly T[], max = pool.length) => fc.subarray([...pool], { maxLength: max });

const address = fc.record({
  ip: fc.constantFrom(...IPS),
  ttl: fc.nat(86400),
  names: subset(NAMES, 2),
  ptrStatus: fc.constantFrom<AnswerStatus>('ok', 'ok', 'nxdomain', 'error'),
});

const exchange = fc.record({
  host: fc.constantFrom(...HOSTS),
  preference: fc.constantFrom(0, 5, 10, 20),
  ttl: fc.nat(86400),
  state: fc.constantFrom<Exchange['state']>('resolved', 'resolved', 'no-address', 'nxdomain', 'error'),
  addresses: fc.uniqueArray(address, { selector: (a) => a.ip, maxLength: 3 }),
  cname: subset(['alias.example.com'], 1),
});

const finding = fc.record({
  code: fc.constantFrom('single-mx', 'missing-ptr', 'fcrdns-fail', 'mx-host-nxdomain'),
  severity: fc.constantFrom<Finding['severity']>('info', 'warn', 'error'),
  subject: fc.option(fc.constantFrom(...HOSTS), { nil: undefined }),
});

/** Whole reports of a domain, answers in the order given (the tests shuffle them). */
export const arbitraryReport = fc
  .record({
    mxStatus: fc.constantFrom(...STATUSES, 'ok', 'ok'),
    exchanges: fc.uniqueArray(exchange, { selector: (e) => `${e.host} ${e.preference}`, maxLength: 4 }),
    nullMx: fc.boolean(),
    spf: subset(SPF, 2),
    dmarc: subset(DMARC, 2),
    txtStatus: fc.constantFrom<AnswerStatus>('ok', 'nodata', 'error'),
    findings: fc.array(finding, { maxLength: 4 }),
    startedAt: fc.nat(2_000_000_000_000),
  })
  .map((r) => {
    // One PTR answer per address, whichever host it belongs to (PTR is about the address).
    const ptrOf = (ip: string) => r.exchanges.flatMap((x) => x.addresses).find((a) => a.ip === ip)!;
    const exchanges: Exchange[] = r.exchanges.map(({ host, preference, ttl }) => {
      // A host's state and addresses agree across its MX rows, as in a real lookup (one A/AAAA pair per host).
      const e = r.exchanges.find((x) => x.host === host)!;
      return testExchange(host, {
        preference,
        ttl,
        state: e.state,
        cname: e.cname,
        addresses:
          e.state === 'resolved'
            ? e.addresses
                .map(({ ip }) => ptrOf(ip))
                .map((a) =>
                  testAddress(a.ip, { ttl: a.ttl, ptrStatus: a.ptrStatus, ptr: a.names.map((name) => ({ name, forward: [a.ip], forwardStatus: 'ok' })) }),
                )
            : [],
      });
    });
    const ok = r.mxStatus === 'ok';
    return report({
      mxStatus: r.mxStatus,
      nullMx: ok && r.nullMx,
      exchanges: ok ? (r.nullMx ? [testExchange('', { display: '.', preference: 0, state: 'null', addresses: [] })] : exchanges) : [],
      txt: {
        records: [...r.spf, ...r.dmarc],
        status: r.txtStatus,
        spf: r.txtStatus === 'ok' ? r.spf : [],
        dmarc: r.txtStatus === 'ok' ? r.dmarc : [],
        dmarcStatus: r.txtStatus,
      },
      findings: r.findings.map(({ subject, ...f }) => ({ ...f, message: f.code, ...(subject ? { subject } : {}) })),
      startedAt: r.startedAt,
    });
  });

/** The same report with every answer in another order and other TTLs: the same facts. */
export function reordered(base: Report): fc.Arbitrary<Report> {
  const shuffle = <T>(list: readonly T[]) => fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });
  return fc.tuple(shuffle(base.exchanges), shuffle(base.txt.spf), shuffle(base.findings), fc.nat(86400)).chain(([exchanges, spf, findings, ttl]) =>
    fc.tuple(...exchanges.map((e) => shuffle(e.addresses))).map((addressLists) => ({
      ...base,
      exchanges: exchanges.map((e, i) => ({ ...e, ttl: e.ttl + ttl, addresses: addressLists[i]!.map((a) => ({ ...a, ttl, ptr: [...a.ptr].reverse() })) })),
      txt: { ...base.txt, spf },
      findings,
      mxTtl: ttl,
    })),
  );
}
