// Reads an incoming DoH request the way a public resolver does: RFC 8484 wire GET (`?dns=`,
// base64url) or POST (`application/dns-message`), or a JSON API GET (`?name=&type=`).
import dnsPacket from 'dns-packet';
import { jsonRequestToWire } from './dns-json';
import type { FaultPlan } from './fault-modes';
import { typeName, typeNumber } from './rr-types';

export type DohRequest =
  | { ok: true; format: 'wire' | 'json'; query: Buffer; name: string | null; type: string | null }
  | { ok: false; status: number; message: string; name: string | null; type: string | null };

function question(query: Buffer): { name: string; type: string } | null {
  try {
    const q = dnsPacket.decode(query).questions?.[0];
    return q ? { name: q.name, type: q.type } : null;
  } catch {
    return null;
  }
}

export function parseDohRequest(method: string, url: URL, contentType: string | undefined, body: Buffer | null, plan: FaultPlan): DohRequest {
  const params = url.searchParams;
  const json = plan.flags.has('json') || plan.endpoint === 'resolve' || (method === 'GET' && params.has('name') && !params.has('dns'));
  if (json) {
    const name = (params.get('name') ?? '').replace(/\.$/, '');
    // Log the type by mnemonic whether it came as `MX` or `15`.
    const given = (params.get('type') ?? 'A').toUpperCase();
    const number = typeNumber(given);
    const type = number === undefined ? given : typeName(number);
    const query = method === 'GET' ? jsonRequestToWire(name, type) : null;
    if (!query) return { ok: false, status: 400, message: 'JSON API needs GET ?name=&type=', name: name || null, type };
    return { ok: true, format: 'json', query, name, type };
  }
  let query: Buffer;
  if (method === 'GET') {
    const dns = params.get('dns');
    if (!dns) return { ok: false, status: 400, message: 'GET needs ?dns=', name: null, type: null };
    query = Buffer.from(dns, 'base64url');
  } else if (method === 'POST') {
    // RFC 8484 4.1: a POST body is a DNS message with this media type.
    if (contentType?.split(';')[0]?.trim() !== 'application/dns-message') {
      return { ok: false, status: 415, message: 'POST needs content-type application/dns-message', name: null, type: null };
    }
    query = body ?? Buffer.alloc(0);
  } else {
    return { ok: false, status: 405, message: 'GET or POST only', name: null, type: null };
  }
  const q = question(query);
  if (!q) return { ok: false, status: 400, message: 'not a DNS query', name: null, type: null };
  return { ok: true, format: 'wire', query, ...q };
}
