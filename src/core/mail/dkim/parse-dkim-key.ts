/**
 * A DKIM key record (RFC 6376 §3.6.1) read into a `DkimKey`: the tags, whether verifiers can use
 * it, and how big the key is (RFC 8301 §3.2 sets the floor at 1024 bits).
 */
import { decodeBase64 } from './base64';
import { readKeyShape } from './key-size';
import { duplicateTagNames, parseTagList, quoted, tagValue } from '../tag-list';
import type { DkimKey } from './types';

/**
 * Is this TXT record meant as a DKIM key? It starts with `v=DKIM1` or has a `p=` tag. Anything
 * else at a selector name (an SPF record from a wildcard, a verification token) is not a key.
 */
export function isDkimKeyRecord(record: string): boolean {
  if (/^[ \t]*v[ \t]*=[ \t]*DKIM1/i.test(record)) return true;
  return parseTagList(record).tags.some((tag) => tag.name === 'p');
}

export function parseDkimKey(record: string): DkimKey {
  const { tags, errors } = parseTagList(record);
  const list = (name: string) =>
    tagValue(tags, name)
      ?.split(':')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const version = tagValue(tags, 'v');
  // RFC 6376 §3.6.1: v= is optional, but when present it is first and exactly "DKIM1".
  if (version !== undefined && version !== 'DKIM1') errors.push(`v=${version} is not DKIM1, so verifiers discard the record.`);
  else if (version !== undefined && tags[0]?.name !== 'v') errors.push('v=DKIM1 must be the first tag.');
  for (const name of duplicateTagNames(tags)) errors.push(`The tag ${name}= appears more than once, which makes the whole record invalid (RFC 6376 §3.2).`);

  const keyType = (tagValue(tags, 'k') ?? 'rsa').toLowerCase();
  const flags = list('t') ?? [];
  const hashes = list('h');
  const services = list('s');
  const notes = tagValue(tags, 'n');
  const publicKey = tagValue(tags, 'p');
  const key: DkimKey = {
    record,
    keyType,
    revoked: publicKey !== undefined && publicKey.replace(/\s+/g, '') === '',
    testing: flags.includes('y'),
    strict: flags.includes('s'),
    errors,
    ...(hashes ? { hashes } : {}),
    ...(services ? { services } : {}),
    ...(notes ? { notes } : {}),
  };

  if (keyType !== 'rsa' && keyType !== 'ed25519') errors.push(`k=${keyType} is not a key type verifiers know (rsa or ed25519).`);
  if (hashes && !hashes.some((hash) => hash.toLowerCase() === 'sha256')) {
    // RFC 8301 §3.1: rsa-sha1 signatures must not be considered valid; sha256 is the only hash left.
    errors.push(`h=${hashes.join(':')} does not allow sha256, and verifiers no longer accept sha1 (RFC 8301 §3.1).`);
  }
  if (services && !services.some((service) => service === '*' || service.toLowerCase() === 'email')) {
    errors.push(`s=${services.join(':')} does not include email, so the key is not for mail.`);
  }
  if (publicKey === undefined) errors.push('There is no p= tag: the key itself is missing.');
  else if (!key.revoked) readKey(key, publicKey);
  return key;
}

function readKey(key: DkimKey, publicKey: string): void {
  const bytes = decodeBase64(publicKey);
  if (!bytes) {
    key.errors.push(`p= is not valid base64 (${quoted(publicKey, 24)}).`);
    return;
  }
  const shape = readKeyShape(bytes);
  if (key.keyType === 'ed25519') {
    if (shape.kind === 'ed25519-raw') key.bits = 256;
    // RFC 8463 §4.2: p= holds the bare 32-byte key; a SubjectPublicKeyInfo wrapper is a common mistake.
    else if (shape.kind === 'ed25519-spki')
      key.errors.push('p= holds the Ed25519 key wrapped as SubjectPublicKeyInfo; RFC 8463 §4.2 wants the bare 32-byte key.');
    else key.errors.push('p= is not a 32-byte Ed25519 public key.');
    return;
  }
  if (key.keyType !== 'rsa') return;
  if (shape.kind === 'rsa') key.bits = shape.bits;
  else if (shape.kind === 'ed25519-raw' || shape.kind === 'ed25519-spki')
    key.errors.push('p= holds an Ed25519 key, but the record says k=rsa (add k=ed25519).');
  else key.errors.push('p= does not hold an RSA public key.');
}
