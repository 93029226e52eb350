import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { identifyProviders, providerOfHost } from './identify-providers';
import { PROVIDERS } from './provider-table';

/** A real-world MX host for every entry: adding a provider means adding its example here. */
const EXAMPLES: Record<string, string[]> = {
  'google-workspace': ['aspmx.l.google.com', 'alt1.aspmx.l.google.com', 'smtp.google.com', 'aspmx2.googlemail.com'],
  gmail: ['gmail-smtp-in.l.google.com', 'alt4.gmail-smtp-in.l.google.com'],
  'microsoft-365': [
    'contoso-com.mail.protection.outlook.com',
    'contoso-com.d-v1.mx.microsoft',
    'contoso-us.mail.protection.office365.us',
    'contoso-cn.mail.protection.partner.outlook.cn',
  ],
  'outlook-com': ['hotmail-com.olc.protection.outlook.com', 'outlook-com.olc.protection.outlook.com'],
  icloud: ['mx01.mail.icloud.com', 'mx02.mail.icloud.com'],
  yahoo: ['mta5.am0.yahoodns.net', 'mx-biz.mail.am0.yahoodns.net'],
  zoho: ['mx.zoho.com', 'mx2.zoho.eu', 'mx.zoho.in', 'mx.zoho.com.au', 'mx.zoho.jp', 'mx.zohocloud.ca', 'mx.zohomail.com'],
  fastmail: ['in1-smtp.messagingengine.com', 'in2-smtp.messagingengine.com', 'mx.fastmail.com'],
  proton: ['mail.protonmail.ch', 'mailsec.protonmail.ch', 'mx.proton.ch'],
  tuta: ['mail.tutanota.de', 'mx.tuta.com'],
  hey: ['work-mx.app.hey.com'],
  'mailbox-org': ['mxext1.mailbox.org', 'mxext3.mailbox.org'],
  migadu: ['aspmx1.migadu.com', 'aspmx2.migadu.com'],
  yandex: ['mx.yandex.net', 'mx.yandex.ru'],
  'mail-ru': ['mxs.mail.ru', 'emx.mail.ru'],
  qq: ['mx1.qq.com', 'mxbiz1.qq.com'],
  netease: ['qiye163mx01.mxmail.netease.com', '163mx01.mxmail.netease.com'],
  alibaba: ['mxw.mxhichina.com', 'mxn.mxhichina.com'],
  rackspace: ['mx1.emailsrvr.com', 'mx2.emailsrvr.com'],
  godaddy: ['smtp.secureserver.net', 'mailstore1.secureserver.net'],
  ovh: ['mx1.mail.ovh.net', 'mx4.mail.ovh.net'],
  ionos: [
    'mx00.ionos.de',
    'mx01.ionos.com',
    'mx00.ionos.co.uk',
    'mx00.ionos.es',
    'mx00.ionos.fr',
    'mx00.ionos.it',
    'mx00.ionos.mx',
    'mx00.1and1.com',
    'mx00.1and1.co.uk',
    'mx00.1and1.es',
    'mx00.1and1.fr',
    'mx00.kundenserver.de',
  ],
  strato: ['smtpin.rzone.de'],
  gandi: ['spool.mail.gandi.net', 'fb.mail.gandi.net'],
  'namecheap-private-email': ['mx1.privateemail.com', 'mx2.privateemail.com'],
  titan: ['mx1.titan.email', 'mx2.titan.email'],
  hostinger: ['mx1.hostinger.com', 'mx2.hostinger.com'],
  proofpoint: ['mx0a-00123456.pphosted.com', 'mx1-us1.ppe-hosted.com'],
  mimecast: ['us-smtp-inbound-1.mimecast.com', 'za-smtp-inbound-1.mimecast.co.za', 'je-smtp-inbound-1.mimecast-offshore.com'],
  cisco: ['mx1.hc1234-56.iphmx.com'],
  barracuda: ['d123456a.ess.barracudanetworks.com', 'd123456b.ess.eu.barracudanetworks.com'],
  symantec: ['cluster1.us.messagelabs.com', 'cluster5.eu.messagelabs.com'],
  forcepoint: ['cust12345-1.in.mailcontrol.com'],
  'trend-micro': ['example-com.in.tmes.trendmicro.com', 'example-com.in.tmes.trendmicro.eu'],
  sophos: ['mx-01-eu-west-1.prod.hydra.sophos.com'],
  hornetsecurity: ['mx01.hornetsecurity.com'],
  spamexperts: ['mx.spamexperts.com', 'fallbackmx.spamexperts.eu', 'lastmx.spamexperts.net'],
  'cloudflare-email-routing': ['route1.mx.cloudflare.net', 'route3.mx.cloudflare.net'],
  improvmx: ['mx1.improvmx.com', 'mx2.improvmx.com'],
  'forward-email': ['mx1.forwardemail.net', 'mx2.forwardemail.net'],
  'namecheap-forwarding': ['eforward1.registrar-servers.com', 'eforward5.registrar-servers.com'],
  'amazon-ses': ['inbound-smtp.us-east-1.amazonaws.com', 'inbound-smtp.eu-west-1.amazonaws.com'],
  mailgun: ['mxa.mailgun.org', 'mxb.eu.mailgun.org'],
  sendgrid: ['mx.sendgrid.net'],
  postmark: ['inbound.postmarkapp.com'],
};

const allSuffixes = PROVIDERS.flatMap((entry) => entry.suffixes.map((suffix) => ({ suffix, id: entry.id })));

describe('the provider table', () => {
  it.each(PROVIDERS.map((entry) => [entry.id, entry] as const))('matches realistic MX hosts of %s', (id) => {
    const hosts = EXAMPLES[id];
    expect(hosts, `add example MX hosts for ${id}`).toBeDefined();
    for (const host of hosts!) expect(providerOfHost(host)?.id, host).toBe(id);
  });

  it('has an example for every suffix, so no entry is untested', () => {
    for (const { suffix, id } of allSuffixes) {
      const pattern = new RegExp(`(^|\\.)${suffix.replace(/\./g, '\\.').replace('*', '[a-z0-9-]+')}$`);
      expect(
        EXAMPLES[id]!.some((host) => pattern.test(host)),
        `${id}: ${suffix}`,
      ).toBe(true);
    }
  });

  it('has unique, kebab-case ids and names', () => {
    const ids = PROVIDERS.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(PROVIDERS.map((entry) => entry.name)).size).toBe(PROVIDERS.length);
  });

  it('writes suffixes as lower-case ASCII host names, `*` only as a whole label', () => {
    for (const { suffix } of allSuffixes) {
      expect(suffix).toMatch(/^(\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?)(\.(\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?))+$/);
      expect(suffix.length).toBeLessThanOrEqual(253);
    }
  });

  it('lists no suffix twice, not even for two providers', () => {
    const suffixes = allSuffixes.map(({ suffix }) => suffix);
    expect(suffixes.length - new Set(suffixes).size).toBe(0);
  });

  it('lists no suffix that another suffix of the same provider already covers', () => {
    for (const entry of PROVIDERS) {
      for (const suffix of entry.suffixes) {
        const covering = entry.suffixes.filter((other) => other !== suffix && suffix.endsWith(`.${other}`));
        expect(covering, `${entry.id}: ${suffix}`).toEqual([]);
      }
    }
  });

  it('has no public suffix (com, co.uk, a PSL private entry) and no bare top-level name', () => {
    for (const { suffix, id } of allSuffixes) {
      const name = suffix.replace(/\*/g, 'us-east-1');
      expect(name.split('.').length, `${id}: ${suffix}`).toBeGreaterThanOrEqual(2);
      for (const allowPrivateDomains of [false, true]) {
        const parsed = parse(name, { allowPrivateDomains });
        expect(parsed.publicSuffix === name, `${id}: ${suffix} is a public suffix`).toBe(false);
        expect(parsed.isIcann || parsed.isPrivate, `${id}: ${suffix} ends in a known top-level domain`).toBe(true);
      }
    }
  });

  it('gives setup guides as https URLs', () => {
    for (const entry of PROVIDERS) if (entry.url !== undefined) expect(new URL(entry.url).protocol).toBe('https:');
  });

  it('never names amazonaws.com itself: customers run their own servers under it', () => {
    expect(identifyProviders(['ec2-192-0-2-1.compute-1.amazonaws.com'])[0]!.provider).toBeUndefined();
    expect(identifyProviders(['inbound-smtp.amazonaws.com'])[0]!.provider).toBeUndefined();
    expect(identifyProviders(['x.inbound-smtp.us-east-1.amazonaws.com'])[0]!.provider?.id).toBe('amazon-ses');
  });
});
