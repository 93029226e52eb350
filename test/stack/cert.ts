// Makes a throwaway CA and one leaf certificate for every DoH host the tests pretend to be, so
// dnsdist, the fault server and (later) browsers mapped onto loopback all present a trusted cert.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findBinary } from './binaries';

const run = promisify(execFile);

/** The leaf's subjectAltNames: loopback plus the preset providers' hosts. */
export const LEAF_DNS_NAMES = ['localhost', 'cloudflare-dns.com', 'dns.google', 'dns.quad9.net', 'dns.adguard-dns.com'];
export const LEAF_IPS = ['127.0.0.1', '::1'];

export interface CertFiles {
  caPath: string;
  caPem: string;
  certPath: string;
  keyPath: string;
}

// A private config file, so the system openssl.cnf cannot add or clash with extensions.
function opensslConfig(): string {
  const san = [...LEAF_DNS_NAMES.map((n) => `DNS:${n}`), ...LEAF_IPS.map((ip) => `IP:${ip}`)].join(',');
  return `[req]
distinguished_name = dn
prompt = no
[dn]
CN = MXray test
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[leaf_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = ${san}
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;
}

export async function makeCerts(dir: string): Promise<CertFiles> {
  const openssl = findBinary('openssl');
  const cnf = join(dir, 'openssl.cnf');
  const file = (name: string) => join(dir, name);
  await writeFile(cnf, opensslConfig());
  // P-256 keys: generated in milliseconds, accepted by dnsdist, GnuTLS (kdig), Node and browsers.
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-noenc'];
  await run(openssl, [
    'req',
    '-x509',
    '-config',
    cnf,
    '-extensions',
    'ca_ext',
    ...newKey,
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
    '-days',
    '30',
    '-subj',
    '/CN=MXray test CA',
  ]);
  await run(openssl, ['req', '-new', '-config', cnf, ...newKey, '-keyout', file('leaf.key'), '-out', file('leaf.csr'), '-subj', '/CN=localhost']);
  await run(openssl, [
    'x509',
    '-req',
    '-in',
    file('leaf.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-set_serial',
    String(Date.now()),
    '-days',
    '30',
    '-extfile',
    cnf,
    '-extensions',
    'leaf_ext',
    '-out',
    file('leaf.pem'),
  ]);
  return {
    caPath: file('ca.pem'),
    caPem: await readFile(file('ca.pem'), 'utf8'),
    certPath: file('leaf.pem'),
    keyPath: file('leaf.key'),
  };
}
