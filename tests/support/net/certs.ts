import { generate } from 'selfsigned';

export interface TestCa {
  /** PEM of the CA certificate and its key (squid's ssl-bump signs with them). */
  cert: string;
  key: string;
  name: string;
}

const YEAR = 365 * 24 * 3600_000;

/** A throwaway CA (P-256, SHA-256) named `name`, valid for a day. */
export async function makeCa(name: string): Promise<TestCa> {
  const ca = await generate([{ name: 'commonName', value: name }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + YEAR / 365),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return { cert: ca.cert, key: ca.private, name };
}

/** A server certificate for `hosts` (names, or IPs), signed by `ca`. */
export async function makeLeaf(ca: TestCa, hosts: string[]): Promise<{ cert: string; key: string }> {
  const leaf = await generate([{ name: 'commonName', value: hosts[0]! }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + YEAR / 365),
    ca: { key: ca.key, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: hosts.map((h) => (/^[\d.]+$/.test(h) ? { type: 7, ip: h } : { type: 2, value: h })),
      },
    ],
  });
  return { cert: leaf.cert, key: leaf.private };
}
