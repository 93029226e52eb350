/**
 * DKIM selectors worth trying. Selectors cannot be listed (RFC 6376 §3.1: the signer picks any
 * name), so a domain may sign with one that is not here; the user can add theirs. These are the
 * defaults of the common mail services: Google Workspace (`google`), Microsoft 365
 * (`selector1`, `selector2`), Mailchimp/Mandrill (`k1`-`k3`, `mandrill`), Everlytic, Fastmail
 * (`fm1`-`fm3`), Proton, Zoho, Amazon SES, and the names admins and control panels pick most.
 * No duplicates (a test checks): each is one DNS question.
 */
export const COMMON_DKIM_SELECTORS: readonly string[] = [
  'google',
  'selector1',
  'selector2',
  'k1',
  'k2',
  'k3',
  'default',
  's1',
  's2',
  'dkim',
  'mail',
  'mandrill',
  'smtp',
  'mx',
  'everlytickey1',
  'everlytickey2',
  'sig1',
  'fm1',
  'fm2',
  'fm3',
  'protonmail',
  'protonmail2',
  'protonmail3',
  'zoho',
  'amazonses',
  'scph',
  'mxvault',
  '20230601',
  '20221208',
  '20210112',
];

/** At most this many selectors from the user, so a pasted list cannot turn into a flood of questions. */
export const MAX_EXTRA_SELECTORS = 20;

// Underscores are not LDH, but DNS serves them and some signers use them: asking costs nothing.
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * A selector as typed, normalised (lower case, no dots at the ends), or `undefined` when it is not
 * one: RFC 6376 §3.1 `selector = sub-domain *( "." sub-domain )`: labels of letters, digits and
 * hyphens (and underscores, see LABEL), at most 63 characters each.
 */
export function normaliseSelector(text: string): string | undefined {
  const selector = text
    .trim()
    .toLowerCase()
    .replace(/^\.+|\.+$/g, '');
  if (selector === '' || selector.length > 200) return undefined;
  return selector.split('.').every((label) => LABEL.test(label)) ? selector : undefined;
}
