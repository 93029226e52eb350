/**
 * Does a right-clicked selection look like something "Explain with MXray" can read: header lines
 * (`Name: value` at a line's start, RFC 5322 §2.2) or an SMTP error (a reply code with an RFC 3463
 * enhanced status, `550 5.7.26`, or a basic code at a line's start)? Firefox asks before its menu
 * shows (menus.onShown) and hides the entry when not; Chromium cannot ask, so there the entry is
 * always there and the page says when the text is not a message. Pure, so it is unit tested.
 */

/** A field name (printable ASCII but the colon; real ones are letters, digits and hyphens) at a line start. */
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]{0,75}:[ \t]*\S/m;
/**
 * Where line breaks were lost (a browser's selectionText may collapse them), a well-known
 * header name anywhere still tells.
 */
const KNOWN_FIELD = /\b(?:Received|Return-Path|DKIM-Signature|Authentication-Results|ARC-Seal|Received-SPF|Message-ID|Delivered-To):/i;
const ENHANCED_STATUS = /\b[245]\.\d{1,3}\.\d{1,3}\b/;
const SMTP_REPLY_LINE = /^[245]\d\d[ -]\S/m;

export function looksLikeMessage(text: string): boolean {
  const sample = text.slice(0, 100_000);
  return HEADER_LINE.test(sample) || KNOWN_FIELD.test(sample) || ENHANCED_STATUS.test(sample) || SMTP_REPLY_LINE.test(sample);
}
