import { generate } from 'selfsigned';

export interface BenchCerts {
  /** PEM of the CA the client is told to trust (bench/wan/transport.ts). */
  caCert: string;
  /** The server's certificate for IP 127.0.0.1, signed by the CA, and its key. */
  cert: string;
  key: string;
}

/** A throwaway CA and a leaf for 127.0.0.1, made for this run only (P-256, valid for a day). */
export async function makeBenchCerts(): Promise<BenchCerts> {
  const notAfterDate = new Date(Date.now() + 24 * 3600_000);
  const ca = await generate([{ name: 'commonName', value: 'ConfBar bench CA (throwaway)' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { caCert: ca.cert, cert: leaf.cert, key: leaf.private };
}
