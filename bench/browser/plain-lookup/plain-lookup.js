// The 80-line lookup (issue #24): the baseline MXray's routing report is measured against, kept
// plain on purpose: no framework, no cache, no checks, one render. It asks the MX of ?q= over DoH
// (RFC 8484 wire format, GET ?dns=, to ?resolver=), then at once the A and AAAA of every MX host,
// the PTR of every address and the same-family address of every PTR name (FCrDNS), each question
// the moment the answer it needs is in, and fills the table once, when every answer is in. The
// DNS codec is a minimal hand-written one for these four types (RFC 1035 §4.1, RFC 3596), enough
// for a baseline and nothing more. A question is sent once per lookup, as MXray sends it once.
const params = new URLSearchParams(location.search);
const TYPES = { A: 1, PTR: 12, MX: 15, AAAA: 28 };
const asked = new Map();

function encode(name, type) {
  const bytes = [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]; // ID 0 (RFC 8484 §4.1), RD, one question
  for (const label of name.split('.').filter(Boolean)) bytes.push(label.length, ...[...label].map((c) => c.charCodeAt(0)));
  bytes.push(0, 0, TYPES[type], 0, 1);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function readName(view, offset) {
  const labels = [];
  let end;
  for (let hops = 0; hops < 128; hops++) {
    const length = view.getUint8(offset);
    if (length === 0) return { name: labels.join('.'), end: end ?? offset + 1 };
    if (length >= 0xc0) {
      end ??= offset + 2;
      offset = view.getUint16(offset) & 0x3fff;
      continue;
    }
    labels.push(String.fromCharCode(...new Uint8Array(view.buffer, offset + 1, length)).toLowerCase());
    offset += length + 1;
  }
  throw new Error('a name with too many labels or a pointer loop');
}

function decode(buffer, type) {
  const view = new DataView(buffer);
  let offset = readName(view, 12).end + 4;
  const records = [];
  for (let i = 0; i < view.getUint16(6); i++) {
    offset = readName(view, offset).end;
    const [rtype, length] = [view.getUint16(offset), view.getUint16(offset + 8)];
    offset += 10;
    const data = new Uint8Array(buffer, offset, length);
    if (rtype === TYPES.A && type === 'A') records.push(data.join('.'));
    if (rtype === TYPES.AAAA && type === 'AAAA') records.push([0, 2, 4, 6, 8, 10, 12, 14].map((at) => view.getUint16(offset + at).toString(16)).join(':'));
    if (rtype === TYPES.MX && type === 'MX') records.push({ preference: view.getUint16(offset), host: readName(view, offset + 2).name });
    if (rtype === TYPES.PTR && type === 'PTR') records.push(readName(view, offset).name);
    offset += length;
  }
  return records;
}

function ask(name, type) {
  const key = `${name} ${type}`;
  if (!asked.has(key)) {
    const url = `${params.get('resolver')}?dns=${encode(name, type)}`;
    const init = { headers: { accept: 'application/dns-message' }, cache: 'no-store', credentials: 'omit' };
    asked.set(
      key,
      fetch(url, init)
        .then(async (response) => (response.ok ? decode(await response.arrayBuffer(), type) : []))
        .catch(() => []),
    );
  }
  return asked.get(key);
}

function reverseName(ip, type) {
  if (type === 'A') return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  const nibbles = ip
    .split(':')
    .map((group) => group.padStart(4, '0'))
    .join('');
  return `${[...nibbles].reverse().join('.')}.ip6.arpa`;
}

async function addressRow(ip, type) {
  const names = await ask(reverseName(ip, type), 'PTR');
  const forward = await Promise.all(names.map((name) => ask(name, type)));
  return { ip, names, fcrdns: forward.some((addresses) => addresses.includes(ip)) };
}

async function serverRows({ preference, host }) {
  const families = await Promise.all(['A', 'AAAA'].map(async (type) => Promise.all((await ask(host, type)).map((ip) => addressRow(ip, type)))));
  return families.flat().map((address) => ({ preference, host, ...address }));
}

async function lookup() {
  const servers = (await ask(params.get('q'), 'MX')).sort((a, b) => a.preference - b.preference || a.host.localeCompare(b.host));
  const rows = (await Promise.all(servers.map(serverRows))).flat();
  const body = document.querySelector('tbody');
  for (const row of rows) {
    const tr = body.insertRow();
    for (const text of [row.preference, row.host, row.ip, row.names.join(', ') || 'none', row.fcrdns ? 'yes' : 'no'])
      tr.insertCell().textContent = String(text);
  }
  document.getElementById('status').textContent = `Done: ${rows.length} addresses, ${asked.size} questions`;
  performance.mark('routing-complete');
  // The frame that paints it: what the bench reads as "routing on screen".
  requestAnimationFrame(() =>
    Object.assign(document.documentElement.dataset, { routingOnScreenMs: performance.now(), questions: asked.size, rows: rows.length }),
  );
}

void lookup();
