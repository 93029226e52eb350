/**
 * What to check for a bounce, as sentences, and the MXray lookups that check it (issue #22):
 * the recipient domain's MX when the address or route failed, the sender's SPF for the sending
 * IP when SPF failed, the From domain's DMARC when authentication failed, the sending IP's own
 * report (PTR, block lists) when the IP was refused.
 */
import type { LookupLink } from '../types';
import type { BounceTopic } from './bounce-topic';

export interface AdviceInputs {
  topic: BounceTopic | null;
  /** 2, 4 or 5 (from the status, else the basic code), or null. */
  statusClass: number | null;
  /** ASCII, lower case, or null when unknown. */
  recipientDomain: string | null;
  fromDomain: string | null;
  mailFromDomain: string | null;
  /** Canonical IP text, or null. */
  sendingIp: string | null;
}

export interface Advice {
  advice: string[];
  links: LookupLink[];
}

export function bounceAdvice(inputs: AdviceInputs): Advice {
  const { topic, recipientDomain: rcpt, fromDomain: from, sendingIp: ip } = inputs;
  const spfDomain = inputs.mailFromDomain ?? from;
  const fromName = from ?? 'the From domain';
  const ipName = ip ?? 'the sending IP';
  const links: LookupLink[] = [];
  const add = (link: LookupLink | null): void => {
    if (link) links.push(link);
  };
  const mx = (domain: string | null, who: string) => add(domain ? { kind: 'mx', domain, label: `Mail servers of ${domain} (${who})` } : null);
  const dmarc = () => add(from ? { kind: 'dmarc', domain: from, label: `DMARC of ${from} (From)` } : null);
  const spf = () =>
    add(spfDomain ? { kind: 'spf', domain: spfDomain, ...(ip ? { ip } : {}), label: ip ? `SPF of ${spfDomain} for ${ip}` : `SPF of ${spfDomain}` } : null);
  const ipReport = () => add(ip ? { kind: 'report', domain: ip, label: `Report on ${ip} (sending IP: PTR, block lists)` } : null);
  const advice: string[] = [];
  switch (topic) {
    case 'dmarc':
    case 'alignment':
      advice.push(`Check that ${fromName} publishes a DMARC record, and that its mail passes SPF or DKIM for a domain aligned with ${fromName}.`);
      advice.push(`A service that sends as ${fromName} (newsletter, CRM, help desk) must sign with DKIM for ${fromName} or use a MAIL FROM under it.`);
      dmarc();
      if (ip) spf();
      break;
    case 'spf':
      advice.push(`Check that the SPF record of ${spfDomain ?? 'the sending domain'} allows ${ipName}.`);
      advice.push('An SPF record that needs more than 10 DNS lookups fails everywhere (RFC 7208 §4.6.4).');
      spf();
      break;
    case 'dkim':
      advice.push(`Check that the sending service signs with DKIM for ${fromName}, and that the key is published at its selector.`);
      if (from) links.push({ kind: 'report', domain: from, label: `Mail setup of ${from} (DKIM, DMARC)` });
      break;
    case 'ptr':
      advice.push(`Check that ${ipName} has a PTR record, and that the name it gives resolves back to ${ipName} (forward-confirmed reverse DNS).`);
      ipReport();
      break;
    case 'ip-block':
      advice.push(`Check whether ${ipName} is on a block list; its owner (the hosting or mail provider) asks for removal once the cause is fixed.`);
      ipReport();
      break;
    case 'rate':
      advice.push('The receiver is slowing this sender down: send less at once, and check the complaint rate and authentication.');
      break;
    case 'content':
      advice.push("The receiver judged the content or the sender's reputation; check that SPF, DKIM and DMARC pass, then the content.");
      dmarc();
      break;
    case 'no-user':
      advice.push('Check the recipient address for typing errors: that mailbox does not exist, or no longer does.');
      mx(rcpt, 'recipient');
      break;
    case 'no-domain':
    case 'no-route':
      advice.push(`Check the recipient's domain${rcpt ? ` ${rcpt}` : ''}: it must exist and have MX records (or an address) that accept mail.`);
      mx(rcpt, 'recipient');
      break;
    case 'recipient-null-mx':
      advice.push(`The recipient's domain${rcpt ? ` ${rcpt}` : ''} publishes a null MX: it accepts no mail at all (RFC 7505).`);
      mx(rcpt, 'recipient');
      break;
    case 'sender-null-mx':
      advice.push(
        `The sending domain${spfDomain ? ` ${spfDomain}` : ''} publishes a null MX, so receivers refuse its mail: publish real MX records for it, or send from another domain (RFC 7505 §4.2).`,
      );
      mx(spfDomain, 'sender');
      break;
    case 'expired':
      advice.push(`The receiving servers did not take it in time: check that the MX hosts of ${rcpt ?? "the recipient's domain"} answer.`);
      mx(rcpt, 'recipient');
      break;
    case 'mailbox-full':
      advice.push('The recipient has to make room in their mailbox; try again later or reach them another way.');
      break;
    case 'too-big':
      advice.push('Send it smaller: a link instead of a large attachment.');
      break;
    case 'tls':
      advice.push(`The receiver required TLS: check that the sending server uses STARTTLS with a current TLS version${rcpt ? `, and the MX of ${rcpt}` : ''}.`);
      mx(rcpt, 'recipient');
      break;
    case 'arc':
      advice.push("A forwarder's ARC seal did not validate: the forwarding service has to fix its ARC signing.");
      break;
    case 'policy':
      advice.push(
        "The receiver's policy refused it; its text says why. Check the sender's SPF, DKIM and DMARC, and whether the sending IP is on a block list.",
      );
      dmarc();
      ipReport();
      break;
    default:
      advice.push("Read the server's text below; the receiving server's administrators can say more.");
  }
  if (inputs.statusClass === 4) advice.push('This is a temporary failure: the sending server retries until the message expires in its queue.');
  return { advice, links };
}
