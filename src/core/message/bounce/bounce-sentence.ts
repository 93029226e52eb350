/**
 * The bounce in plain words (BounceExplanation.explanation): what the status means, and what
 * the provider means by it where known. The one-line verdict is composed by the caller.
 */
import type { ProviderMeaning } from './provider-texts';
import { PROVIDER_NAMES } from './provider-texts';
import { basicCodeWords, statusSentence } from './status-codes';

const ACTION_WORDS: Readonly<Record<string, string>> = {
  failed: 'Bounced',
  delayed: 'Delayed',
  delivered: 'Delivered',
  relayed: 'Relayed without a delivery report',
  expanded: 'Delivered to a list, which expanded it',
};

export interface SentenceInputs {
  action: string | null;
  status: string | null;
  smtpCode: number | null;
  meaning: ProviderMeaning | null;
  fromDomain: string | null;
  otherRecipients: number;
  /** The reason in words when there is no code (a DNS failure, a timeout). */
  detail: string | null;
}

export function bounceSentence(inputs: SentenceInputs): string {
  const sentences: string[] = [];
  const lead = ACTION_WORDS[inputs.action ?? ''] ?? 'Refused';
  // A provider's own code (Microsoft's 5.4.1, Gmail's 5.7.27) is not explained with the registry's words.
  const own = inputs.meaning?.own === true && inputs.status !== null;
  const status = inputs.status && !own ? statusSentence(inputs.status) : null;
  if (status) sentences.push(`${lead} with ${status}`);
  else if (own) sentences.push(`${lead} with ${inputs.status} (${inputs.status?.startsWith('4.') ? 'temporary' : 'permanent'} failure).`);
  else if (inputs.smtpCode !== null) sentences.push(`${lead} with SMTP reply ${inputs.smtpCode} (${basicCodeWords(inputs.smtpCode)}).`);
  else sentences.push(`${lead}.`);
  if (inputs.meaning) {
    const { provider, because } = inputs.meaning;
    const verb = inputs.status?.startsWith('4.') || (inputs.smtpCode !== null && inputs.smtpCode < 500) ? 'deferred' : 'refused';
    const from = inputs.fromDomain ?? "the sender's domain";
    sentences.push(`${PROVIDER_NAMES[provider]} ${verb} it because ${because.replace(/\{from\}/g, from)}.`);
  }
  if (!inputs.status && inputs.smtpCode === null && inputs.detail) sentences.push(`The reason given: ${inputs.detail}`);
  if (inputs.otherRecipients > 0) {
    sentences.push(`The report also names ${inputs.otherRecipients} other recipient${inputs.otherRecipients === 1 ? '' : 's'}.`);
  }
  return sentences.join(' ');
}
