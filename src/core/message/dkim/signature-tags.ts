/**
 * A DKIM-Signature value (RFC 6376 §3.5) read into typed tags, with every reason a verifier must
 * refuse it as a sentence. ARC's ARC-Message-Signature and ARC-Seal (RFC 8617 §4.1.2, §4.1.3)
 * are the same tag list with a few tags swapped, so one reader serves all three (`profile`).
 */
import { decodeBase64 } from '../../mail/dkim/base64';
import { duplicateTagNames, parseTagList, quoted, tagValue, type Tag } from '../../mail/tag-list';
import type { ByteString } from '../types';

/** Longest value read: an RSA-4096 b= is 684 characters; anything near this is not a signature. */
export const MAX_SIGNATURE_VALUE = 16_384;
/** Most names read from h=: over-signing doubles a list of a dozen or two, never hundreds. */
const MAX_SIGNED_HEADERS = 128;

export type Canonicalization = 'simple' | 'relaxed';
export type SignatureProfile = 'dkim' | 'arc-message-signature' | 'arc-seal';

export interface SignatureTags {
  /** v= (DKIM only). */
  version: string | null;
  /** a=, lower case. */
  algorithm: string | null;
  /** b= with its folding white space removed ("" when missing). */
  signature: string;
  /** bh= with its folding white space removed. */
  bodyHash: string | null;
  headerCanon: Canonicalization;
  bodyCanon: Canonicalization;
  /** d=, lower case. */
  domain: string | null;
  /** h= names as written, in order. */
  signedHeaders: string[];
  /** i= of a DKIM-Signature: the agent or user identifier. */
  identity: string | null;
  /** i= of an ARC header field: the instance, 1 to 50. */
  instance: number | null;
  /** l=: body bytes signed. */
  bodyLength: number | null;
  selector: string | null;
  /** t= and x=, seconds since 1970. */
  signedAt: number | null;
  expiresAt: number | null;
  /** cv= of an ARC-Seal, lower case. */
  chainValidation: string | null;
}

export interface ReadSignature {
  tags: SignatureTags;
  /** Why a verifier must refuse the signature (permerror). Empty when the syntax is fine. */
  errors: string[];
}

const REQUIRED: Record<SignatureProfile, string[]> = {
  // RFC 6376 §3.5: v, a, b, bh, d, h and s are REQUIRED.
  dkim: ['v', 'a', 'b', 'bh', 'd', 'h', 's'],
  // RFC 8617 §4.1.2: the AMS is a DKIM-Signature with i= as the instance and no v=.
  'arc-message-signature': ['i', 'a', 'b', 'bh', 'd', 'h', 's'],
  // RFC 8617 §4.1.3: the AS has i, a, b, cv, d, s (and t); it signs no body and names no headers.
  'arc-seal': ['i', 'a', 'b', 'cv', 'd', 's'],
};

/** A domain or selector: dot-separated labels of letters, digits, hyphens and underscores (RFC 6376 §3.1, §3.5). */
const DOMAIN_LIKE = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.?$/;
/** RFC 5322 §3.6.8 field-name: printable ASCII except the colon. */
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;
const FWS = /[ \t\r\n]+/g;
const DIGITS = /^[0-9]{1,15}$/;

export function readSignatureTags(value: ByteString, profile: SignatureProfile = 'dkim'): ReadSignature {
  const errors: string[] = [];
  // Bound the work before any regular expression runs over the value.
  if (value.length > MAX_SIGNATURE_VALUE) {
    errors.push(`The signature field is ${value.length} bytes long; MXray reads at most ${MAX_SIGNATURE_VALUE}.`);
    value = value.slice(0, MAX_SIGNATURE_VALUE);
  }
  // One SP for each run of folding white space first: tag-list's edge trimming rescans a long run
  // once per position, and no DKIM tag value means anything by the length of a run (the header
  // hash reads the raw field, never these values).
  const list = parseTagList(value.replace(FWS, ' '));
  // RFC 6376 §3.2: a tag list that does not parse makes the signature invalid (§6.1.1 permerror).
  errors.push(...list.errors.slice(0, 3));
  const tags = list.tags;
  for (const name of duplicateTagNames(tags)) errors.push(`The tag ${name}= appears more than once, which makes the signature invalid (RFC 6376 §3.2).`);
  const missing = REQUIRED[profile].filter((name) => tagValue(tags, name) === undefined);
  if (missing.length > 0) errors.push(`Required tag${missing.length > 1 ? 's' : ''} missing: ${missing.map((name) => `${name}=`).join(', ')}.`);

  const result = readValues(tags, profile, errors);
  return { tags: result, errors };
}

function readValues(tags: readonly Tag[], profile: SignatureProfile, errors: string[]): SignatureTags {
  const get = (name: string) => tagValue(tags, name);
  const version = get('v') ?? null;
  if (profile === 'dkim' && version !== null && version !== '1') errors.push(`v=${quoted(version, 12)} is not 1, the only DKIM version (RFC 6376 §3.5).`);
  if (profile === 'arc-seal' && get('h') !== undefined) errors.push('An ARC-Seal must not have an h= tag (RFC 8617 §4.1.3).');

  const [headerCanon, bodyCanon] = readCanonicalization(get('c'), errors);
  const domain = readDomain(get('d'), 'd', errors);
  const selector = readDomain(get('s'), 's', errors);
  const signedAt = readNumber(get('t'), 't', errors);
  const expiresAt = readNumber(get('x'), 'x', errors);
  // RFC 6376 §3.5 x=: "the value of the x= tag MUST be greater than the value of the t= tag".
  if (signedAt !== null && expiresAt !== null && expiresAt < signedAt)
    errors.push('x= (expiry) is before t= (signing time), so the signature was never valid.');

  const signature = (get('b') ?? '').replace(FWS, '');
  if (get('b') !== undefined && (signature === '' || !decodeBase64(signature))) errors.push(`b= is not valid base64 (${quoted(signature, 24)}).`);
  const rawBodyHash = get('bh');
  const bodyHash = rawBodyHash === undefined ? null : rawBodyHash.replace(FWS, '');
  if (bodyHash !== null && !decodeBase64(bodyHash)) errors.push(`bh= is not valid base64 (${quoted(bodyHash, 24)}).`);

  const signedHeaders = readSignedHeaders(get('h'), profile, errors);
  let identity: string | null = null;
  let instance: number | null = null;
  if (profile === 'dkim') identity = readIdentity(get('i'), domain, errors);
  else instance = readInstance(get('i'), errors);

  const query = get('q');
  // RFC 6376 §3.5 q=: dns/txt is the only method; a list without it leaves no way to get the key.
  if (query !== undefined && !query.split(':').some((method) => /^dns(?:\/txt)?$/i.test(method.replace(FWS, ''))))
    errors.push(`q=${quoted(query, 24)} names no query method MXray knows (dns/txt).`);

  const cv = get('cv');
  const chainValidation = cv === undefined ? null : cv.toLowerCase();
  if (chainValidation !== null && !['none', 'pass', 'fail'].includes(chainValidation))
    errors.push(`cv=${quoted(cv!, 12)} is not none, pass or fail (RFC 8617 §4.1.3).`);

  return {
    version,
    algorithm: get('a')?.toLowerCase() ?? null,
    signature,
    bodyHash,
    headerCanon,
    bodyCanon,
    domain,
    signedHeaders,
    identity,
    instance,
    bodyLength: readNumber(get('l'), 'l', errors),
    selector,
    signedAt,
    expiresAt,
    chainValidation,
  };
}

/** RFC 6376 §3.5 c=: "header/body"; a lone "header" means simple for the body; the default is simple/simple. */
function readCanonicalization(value: string | undefined, errors: string[]): [Canonicalization, Canonicalization] {
  if (value === undefined) return ['simple', 'simple'];
  const [header = '', body = 'simple', ...rest] = value.toLowerCase().split('/');
  const known = (mode: string): mode is Canonicalization => mode === 'simple' || mode === 'relaxed';
  if (!known(header) || !known(body) || rest.length > 0) {
    errors.push(`c=${quoted(value, 24)} is not a canonicalisation (simple or relaxed, for the header and the body).`);
    return ['simple', 'simple'];
  }
  return [header, body];
}

function readDomain(value: string | undefined, tag: 'd' | 's', errors: string[]): string | null {
  if (value === undefined) return null;
  if (value.length > 253 || !DOMAIN_LIKE.test(value)) {
    errors.push(`${tag}=${quoted(value, 40)} is not a valid ${tag === 'd' ? 'domain' : 'selector'}.`);
    return null;
  }
  return value.toLowerCase().replace(/\.$/, '');
}

function readNumber(value: string | undefined, tag: string, errors: string[]): number | null {
  if (value === undefined) return null;
  if (!DIGITS.test(value)) {
    errors.push(`${tag}=${quoted(value, 20)} is not a number.`);
    return null;
  }
  return Number(value);
}

function readSignedHeaders(value: string | undefined, profile: SignatureProfile, errors: string[]): string[] {
  if (value === undefined) return [];
  const names = value.split(':', MAX_SIGNED_HEADERS + 1).map((name) => name.replace(FWS, ''));
  if (names.length > MAX_SIGNED_HEADERS) errors.push(`h= lists more than ${MAX_SIGNED_HEADERS} header fields; MXray reads no more.`);
  const bad = names.find((name) => !FIELD_NAME.test(name));
  if (bad !== undefined) errors.push(`h= holds ${quoted(bad, 24)}, which is not a header field name.`);
  // RFC 6376 §5.4: "The From header field MUST be signed"; §6.1.1: verifiers MUST refuse otherwise.
  if (!names.some((name) => name.toLowerCase() === 'from')) errors.push('h= does not include From, which must be signed (RFC 6376 §5.4).');
  // RFC 8617 §4.1.2: an AMS that signs ARC-Seal fields is invalid (a seal would sign itself).
  if (profile === 'arc-message-signature' && names.some((name) => name.toLowerCase() === 'arc-seal'))
    errors.push('h= includes ARC-Seal, which an ARC-Message-Signature must not sign (RFC 8617 §4.1.2).');
  return names.slice(0, MAX_SIGNED_HEADERS);
}

/** RFC 6376 §3.5 i=: [local-part]@domain, the domain the same as d= or below it; the default is @d. */
function readIdentity(value: string | undefined, domain: string | null, errors: string[]): string | null {
  if (value === undefined) return domain === null ? null : `@${domain}`;
  const at = value.lastIndexOf('@');
  const identityDomain = value.slice(at + 1).toLowerCase();
  if (at < 0 || !DOMAIN_LIKE.test(identityDomain)) {
    errors.push(`i=${quoted(value, 40)} is not an identity (local-part@domain).`);
    return value;
  }
  // RFC 6376 §6.1.1: the i= domain must be d= or a subdomain of it, else permerror.
  if (domain !== null && identityDomain !== domain && !identityDomain.endsWith(`.${domain}`))
    errors.push(`i=${quoted(value, 40)} is not at or below d=${domain} (RFC 6376 §3.5).`);
  return value;
}

/**
 * RFC 8617 §4.2.1: the instance is 1*2DIGIT, from 1 to 50. An instance above 50 is still
 * returned (with an error), so the chain can say it is too long rather than unreadable.
 */
function readInstance(value: string | undefined, errors: string[]): number | null {
  if (value === undefined) return null;
  const instance = /^[0-9]{1,2}$/.test(value) ? Number(value) : 0;
  if (instance < 1 || instance > 50) errors.push(`i=${quoted(value, 12)} is not an ARC instance (1 to 50).`);
  return instance >= 1 ? instance : null;
}
