/**
 * RFC 3463 enhanced status codes in plain words: `class.subject.detail`, where the class says
 * whether it worked (2), may work later (4) or will not work as sent (5) (RFC 3463 §3.1).
 */
import { DETAILS, SUBJECTS } from './status-details';

export type StatusClass = 2 | 4 | 5;

export interface StatusMeaning {
  code: string;
  statusClass: StatusClass;
  /** "permanent failure", "temporary failure", "success". */
  classWords: string;
  subjectWords: string;
  /** The detail in words, or null for a code the registry does not list. */
  detailWords: string | null;
  rfc: string;
}

const CLASS_WORDS: Readonly<Record<StatusClass, string>> = { 2: 'success', 4: 'temporary failure', 5: 'permanent failure' };

/** RFC 3463 §2: class "." subject "." detail; subject and detail are 1-3 digits, no leading zero run. */
const STATUS = /^([245])\.(\d{1,3})\.(\d{1,3})$/;

/** The code in canonical form (`5.7.26`), or null when `text` is not an enhanced status code. */
export function parseStatusCode(text: string): string | null {
  const match = STATUS.exec(text.trim());
  if (!match) return null;
  return `${match[1]}.${Number(match[2])}.${Number(match[3])}`;
}

export function statusClassOf(code: string): StatusClass | null {
  const first = code[0];
  return first === '2' || first === '4' || first === '5' ? (Number(first) as StatusClass) : null;
}

export function describeStatus(text: string): StatusMeaning | null {
  const code = parseStatusCode(text);
  if (code === null) return null;
  const [first, subject = '0', detail = '0'] = code.split('.');
  const statusClass = Number(first) as StatusClass;
  const entry = DETAILS[`${subject}.${detail}`];
  return {
    code,
    statusClass,
    classWords: CLASS_WORDS[statusClass],
    subjectWords: SUBJECTS[subject] ?? 'an unregistered subject',
    detailWords: entry?.words ?? null,
    rfc: entry?.rfc ?? 'RFC 3463',
  };
}

/** One sentence: "5.7.26 (permanent failure): several authentication checks failed (...)." */
export function statusSentence(text: string): string | null {
  const meaning = describeStatus(text);
  if (!meaning) return null;
  const what = meaning.detailWords ?? `a code the registry does not list, about ${meaning.subjectWords}`;
  return `${meaning.code} (${meaning.classWords}): ${what}.`;
}

/** RFC 5321 §4.2.1: the first digit of a basic reply code. */
export function basicCodeWords(code: number): string {
  if (code >= 500 && code < 600) return 'permanent failure';
  if (code >= 400 && code < 500) return 'temporary failure';
  if (code >= 200 && code < 300) return 'success';
  return 'an unusual reply';
}
