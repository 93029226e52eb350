/**
 * Size limits. The DNS ones are the protocol's; the input one is ours, so that a pasted
 * megabyte is refused at once instead of being scanned.
 */

/** Longest text `parseQuery` reads. A URL with a long query string still fits. */
export const MAX_INPUT_LENGTH = 2048;

/**
 * RFC 1035 §2.3.4: a name is at most 255 octets on the wire, which is 253 characters as
 * text without the trailing dot (each label costs its length plus one length octet, plus the root).
 */
export const MAX_NAME_LENGTH = 253;

/** RFC 1035 §2.3.4: a label is at most 63 octets. */
export const MAX_LABEL_LENGTH = 63;

/** RFC 5321 §4.5.3.1.1: a local part is at most 64 octets. */
export const MAX_LOCAL_PART_OCTETS = 64;

/** How much of what the user typed an error message repeats back. */
export const MAX_ECHO_LENGTH = 80;
