// The server name a TLS client asks for (SNI, RFC 6066 §3), read from its ClientHello without
// terminating TLS: the loopback router (loopback-hosts.ts) sends each provider's connections to
// its own server by name, since every name resolves to the same address in Firefox.

/**
 * `undefined` when more bytes are needed, `null` when this is not a ClientHello with SNI, else
 * the host name. Only the first TLS record is read: a ClientHello fits in one (16 KiB).
 */
export function readServerName(data: Buffer): string | null | undefined {
  if (data.length < 5) return undefined;
  if (data[0] !== 0x16) return null; // not a handshake record
  const recordEnd = 5 + data.readUInt16BE(3);
  if (data.length < recordEnd) return undefined;
  let at = 5;
  if (data[at] !== 0x01) return null; // not a ClientHello
  at += 4; // handshake type and length
  at += 2 + 32; // client version, random
  const need = (n: number) => at + n <= recordEnd;
  if (!need(1)) return null;
  at += 1 + data[at]!; // session id
  if (!need(2)) return null;
  at += 2 + data.readUInt16BE(at); // cipher suites
  if (!need(1)) return null;
  at += 1 + data[at]!; // compression methods
  if (!need(2)) return null;
  const extensionsEnd = Math.min(recordEnd, at + 2 + data.readUInt16BE(at));
  at += 2;
  while (at + 4 <= extensionsEnd) {
    const type = data.readUInt16BE(at);
    const length = data.readUInt16BE(at + 2);
    at += 4;
    if (type === 0x0000) {
      // server_name: list length, then entries of (type, length, name); type 0 is a host name.
      let entry = at + 2;
      while (entry + 3 <= at + length) {
        const nameType = data[entry]!;
        const nameLength = data.readUInt16BE(entry + 1);
        if (nameType === 0) return data.toString('ascii', entry + 3, entry + 3 + nameLength).toLowerCase();
        entry += 3 + nameLength;
      }
      return null;
    }
    at += length;
  }
  return null;
}
