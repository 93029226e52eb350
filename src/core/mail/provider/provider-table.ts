/**
 * Mail providers and the DNS names their MX hosts live under. A host belongs to a provider when
 * it IS one of the suffixes or ends with "." plus one (label boundaries: `aspmx.l.google.com` is
 * Google, `ilovegmail.com` and `google.com.evil.test` are not). The longest suffix wins, so a
 * narrower entry (`olc.protection.outlook.com`, Outlook.com) beats a broader one.
 *
 * Rules for entries: only names the provider itself owns; never a name under which customers run
 * their own servers (cloud VMs, hosting accounts), so `mail.ovh.net`, not `ovh.net`, and
 * `inbound-smtp.*.amazonaws.com`, not `amazonaws.com`. `*` stands for exactly one label.
 * Suffixes are ASCII, lower case, never a public suffix (`provider-table.test.ts` checks).
 */
import type { ProviderInfo } from './types';

export interface ProviderEntry extends ProviderInfo {
  suffixes: readonly string[];
}

export const PROVIDERS: readonly ProviderEntry[] = [
  // Mailbox providers
  {
    id: 'google-workspace',
    name: 'Google Workspace',
    kind: 'mailbox',
    url: 'https://support.google.com/a/answer/140034',
    suffixes: ['google.com', 'googlemail.com'],
  },
  // gmail.com and googlemail.com themselves; Workspace domains use aspmx.l.google.com or smtp.google.com.
  { id: 'gmail', name: 'Gmail', kind: 'mailbox', suffixes: ['gmail-smtp-in.l.google.com'] },
  {
    id: 'microsoft-365',
    name: 'Microsoft 365',
    kind: 'mailbox',
    url: 'https://learn.microsoft.com/en-us/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider',
    // mx.microsoft: the DNSSEC-signed MX names Exchange Online introduced in 2024.
    suffixes: ['mail.protection.outlook.com', 'mx.microsoft', 'mail.protection.office365.us', 'mail.protection.partner.outlook.cn'],
  },
  // hotmail.com, outlook.com, live.com: hotmail-com.olc.protection.outlook.com and the like.
  { id: 'outlook-com', name: 'Outlook.com', kind: 'mailbox', suffixes: ['olc.protection.outlook.com'] },
  { id: 'icloud', name: 'iCloud Mail', kind: 'mailbox', suffixes: ['icloud.com'] },
  { id: 'yahoo', name: 'Yahoo Mail', kind: 'mailbox', suffixes: ['yahoodns.net'] },
  {
    id: 'zoho',
    name: 'Zoho Mail',
    kind: 'mailbox',
    url: 'https://www.zoho.com/mail/help/adminconsole/configure-email-delivery.html',
    suffixes: ['zoho.com', 'zoho.eu', 'zoho.in', 'zoho.com.au', 'zoho.jp', 'zohocloud.ca', 'zohomail.com'],
  },
  { id: 'fastmail', name: 'Fastmail', kind: 'mailbox', suffixes: ['messagingengine.com', 'fastmail.com'] },
  { id: 'proton', name: 'Proton Mail', kind: 'mailbox', url: 'https://proton.me/support/custom-domain', suffixes: ['protonmail.ch', 'proton.ch'] },
  { id: 'tuta', name: 'Tuta', kind: 'mailbox', suffixes: ['tutanota.de', 'tuta.com'] },
  { id: 'hey', name: 'HEY', kind: 'mailbox', suffixes: ['hey.com'] },
  { id: 'mailbox-org', name: 'mailbox.org', kind: 'mailbox', suffixes: ['mailbox.org'] },
  { id: 'migadu', name: 'Migadu', kind: 'mailbox', suffixes: ['migadu.com'] },
  { id: 'yandex', name: 'Yandex 360', kind: 'mailbox', suffixes: ['yandex.net', 'yandex.ru'] },
  { id: 'mail-ru', name: 'Mail.ru (VK WorkMail)', kind: 'mailbox', suffixes: ['mail.ru'] },
  { id: 'qq', name: 'Tencent (QQ Mail, Exmail)', kind: 'mailbox', suffixes: ['qq.com'] },
  { id: 'netease', name: 'NetEase Mail', kind: 'mailbox', suffixes: ['netease.com'] },
  { id: 'alibaba', name: 'Alibaba Mail', kind: 'mailbox', suffixes: ['mxhichina.com'] },
  // Hosting companies' own mail services
  { id: 'rackspace', name: 'Rackspace Email', kind: 'mailbox', suffixes: ['emailsrvr.com'] },
  { id: 'godaddy', name: 'GoDaddy', kind: 'mailbox', suffixes: ['secureserver.net'] },
  { id: 'ovh', name: 'OVHcloud', kind: 'mailbox', suffixes: ['mail.ovh.net'] },
  {
    id: 'ionos',
    name: 'IONOS (1&1)',
    kind: 'mailbox',
    suffixes: [
      'ionos.com',
      'ionos.de',
      'ionos.co.uk',
      'ionos.es',
      'ionos.fr',
      'ionos.it',
      'ionos.mx',
      '1and1.com',
      '1and1.co.uk',
      '1and1.es',
      '1and1.fr',
      'kundenserver.de',
    ],
  },
  { id: 'strato', name: 'Strato', kind: 'mailbox', suffixes: ['rzone.de'] },
  { id: 'gandi', name: 'Gandi', kind: 'mailbox', suffixes: ['mail.gandi.net'] },
  { id: 'namecheap-private-email', name: 'Namecheap Private Email', kind: 'mailbox', suffixes: ['privateemail.com'] },
  { id: 'titan', name: 'Titan Email', kind: 'mailbox', suffixes: ['titan.email'] },
  { id: 'hostinger', name: 'Hostinger', kind: 'mailbox', suffixes: ['hostinger.com'] },
  // Filtering gateways: they accept the mail and pass it on to the mailboxes
  { id: 'proofpoint', name: 'Proofpoint', kind: 'gateway', suffixes: ['pphosted.com', 'ppe-hosted.com'] },
  { id: 'mimecast', name: 'Mimecast', kind: 'gateway', suffixes: ['mimecast.com', 'mimecast.co.za', 'mimecast-offshore.com'] },
  { id: 'cisco', name: 'Cisco Secure Email', kind: 'gateway', suffixes: ['iphmx.com'] },
  { id: 'barracuda', name: 'Barracuda Email Protection', kind: 'gateway', suffixes: ['barracudanetworks.com'] },
  { id: 'symantec', name: 'Symantec Email Security.cloud (Broadcom)', kind: 'gateway', suffixes: ['messagelabs.com'] },
  { id: 'forcepoint', name: 'Forcepoint Email Security', kind: 'gateway', suffixes: ['mailcontrol.com'] },
  { id: 'trend-micro', name: 'Trend Micro Email Security', kind: 'gateway', suffixes: ['trendmicro.com', 'trendmicro.eu'] },
  { id: 'sophos', name: 'Sophos Email', kind: 'gateway', suffixes: ['sophos.com'] },
  { id: 'hornetsecurity', name: 'Hornetsecurity', kind: 'gateway', suffixes: ['hornetsecurity.com'] },
  { id: 'spamexperts', name: 'SpamExperts (N-able Mail Assure)', kind: 'gateway', suffixes: ['spamexperts.com', 'spamexperts.eu', 'spamexperts.net'] },
  // Forwarding only: no mailboxes
  {
    id: 'cloudflare-email-routing',
    name: 'Cloudflare Email Routing',
    kind: 'forwarding',
    url: 'https://developers.cloudflare.com/email-routing/',
    suffixes: ['mx.cloudflare.net'],
  },
  { id: 'improvmx', name: 'ImprovMX', kind: 'forwarding', suffixes: ['improvmx.com'] },
  { id: 'forward-email', name: 'Forward Email', kind: 'forwarding', suffixes: ['forwardemail.net'] },
  { id: 'namecheap-forwarding', name: 'Namecheap email forwarding', kind: 'forwarding', suffixes: ['registrar-servers.com'] },
  // Mail for applications
  {
    id: 'amazon-ses',
    name: 'Amazon SES or WorkMail',
    kind: 'inbound',
    url: 'https://docs.aws.amazon.com/ses/latest/dg/receiving-email-mx-record.html',
    suffixes: ['inbound-smtp.*.amazonaws.com'],
  },
  { id: 'mailgun', name: 'Mailgun', kind: 'inbound', suffixes: ['mailgun.org'] },
  { id: 'sendgrid', name: 'SendGrid Inbound Parse', kind: 'inbound', suffixes: ['sendgrid.net'] },
  { id: 'postmark', name: 'Postmark inbound', kind: 'inbound', suffixes: ['postmarkapp.com'] },
];
