/**
 * A label is any bytes (RFC 2181 §11), "." and "\" included. MXray keeps names as dotted text,
 * so a label holding a "." byte would read, and be asked, as two labels of another name. It is
 * escaped as zone files write it (RFC 1035 §5.1): `\.` and `\\`. Such a name is shown as it is
 * and never asked (`isQueryableName`), since the codec would split it at the dot.
 */
export function escapeLabel(label: string): string {
  return /[.\\]/.test(label) ? label.replace(/[.\\]/g, (char) => `\\${char}`) : label;
}
