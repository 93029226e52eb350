// Record data as text, in the forms kdig prints and Google/Cloudflare's JSON APIs use
// (RFC 1035 5.1 presentation format): `10 mx.example.`, `"v=spf1 -all"`, escaped names.
import type { Answer } from 'dns-packet';

// Which bytes knotd/kdig 3.2 leave unescaped in a name label; anything else printable becomes
// `\c`, and space, `#` and non-printables become `\DDD` (checked against kdig's output).
const PLAIN_LABEL_BYTE = /[A-Za-z0-9\-_/*]/;

function escapeLabel(label: string): string {
  let out = '';
  for (const byte of Buffer.from(label, 'utf8')) {
    const char = String.fromCharCode(byte);
    if (PLAIN_LABEL_BYTE.test(char)) out += char;
    else if (byte > 0x20 && byte < 0x7f && char !== '#') out += `\\${char}`;
    else out += `\\${String(byte).padStart(3, '0')}`;
  }
  return out;
}

/** dns-packet's `mx.example` (or `` for the root) as the absolute name `mx.example.` */
export function presentName(name: string): string {
  if (name === '' || name === '.') return '.';
  return `${name.split('.').map(escapeLabel).join('.')}.`;
}

// Inside a quoted TXT string only `"` and `\` need a backslash; non-printables use \DDD.
function quoteString(data: Buffer | string): string {
  let out = '';
  for (const byte of Buffer.from(data)) {
    const char = String.fromCharCode(byte);
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (byte >= 0x20 && byte < 0x7f) out += char;
    else out += `\\${String(byte).padStart(3, '0')}`;
  }
  return `"${out}"`;
}

export function presentData(record: Answer): string {
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return record.data;
    case 'CNAME':
    case 'DNAME':
    case 'NS':
    case 'PTR':
      return presentName(record.data);
    case 'MX':
      return `${record.data.preference ?? 0} ${presentName(record.data.exchange)}`;
    case 'TXT': {
      const parts = Array.isArray(record.data) ? record.data : [record.data];
      return parts.map(quoteString).join(' ');
    }
    case 'SOA': {
      const d = record.data;
      return [presentName(d.mname), presentName(d.rname), d.serial, d.refresh, d.retry, d.expire, d.minimum].join(' ');
    }
    default: {
      // RFC 3597 3: unknown types as \# length hex.
      const raw = Buffer.isBuffer((record as { data?: unknown }).data) ? (record as { data: Buffer }).data : Buffer.alloc(0);
      return `\\# ${raw.length} ${raw.toString('hex').toUpperCase()}`.trim();
    }
  }
}
