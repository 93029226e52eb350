/**
 * Whether a message presents itself as a bounce, from its header alone: a message that merely
 * quotes "550" in its body (a newsletter about mail servers) must not be read as one. The
 * signs are those bounce software sets: a multipart/report (RFC 6522), the null reverse path
 * `<>` (RFC 5321 §4.5.5), a MAILER-DAEMON or postmaster sender, Exim's X-Failed-Recipients,
 * Auto-Submitted (RFC 3834) and the well-known subjects.
 */
import type { HeaderField } from '../types';
import { parseContentType } from '../mime/content-type';

const SUBJECTS =
  /undeliver|returned to sender|returned mail|delivery status notification|mail delivery failed|delivery failure|failure notice|non-?delivery|could not be delivered|delivery has failed|delayed mail|delivery delayed|warning: could not send/i;
const SENDERS = /mailer-daemon|postmaster@|mail delivery (?:subsystem|system)|microsoftexchange[0-9a-f]*@/i;

/** Why this header looks like a bounce's, in a few words, or null when it does not. */
export function bounceSign(headers: readonly HeaderField[]): string | null {
  const value = (key: string) => headers.find((field) => field.key === key)?.value.slice(0, 2000) ?? null;
  const type = parseContentType(value('content-type'));
  if (type.mediaType === 'multipart/report') return 'a multipart/report';
  if (value('x-failed-recipients') !== null) return 'X-Failed-Recipients';
  if (SENDERS.test(value('from') ?? '')) return 'a mailer-daemon sender';
  const subject = value('subject') ?? '';
  if (SUBJECTS.test(subject)) return 'a bounce subject';
  const nullSender = (value('return-path') ?? '').replace(/\s/g, '') === '<>';
  const auto = /^auto-(?:replied|generated)/i.test((value('auto-submitted') ?? '').trim());
  if (nullSender || auto) return nullSender ? 'a null return path' : 'Auto-Submitted';
  return null;
}
