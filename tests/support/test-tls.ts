import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

/** A CA made for one test run and a server certificate it signed for `names` (DNS names). */
export async function makeTestCerts(names: string[], caName = 'ConfBar test inspection CA') {
  const notAfterDate = new Date(Date.now() + 24 * 3600_000);
  const ca = await generate([{ name: 'commonName', value: caName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: names[0] ?? 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map((value) => ({ type: 2, value })) },
    ],
  });
  return { caCert: ca.cert, cert: leaf.cert, key: leaf.private };
}

/** An https server on loopback answering every request 200 with `name`, counting the connections it accepted. */
export async function startTlsEcho(certs: { cert: string; key: string }, name = 'cloudagent') {
  let connections = 0;
  const server = https.createServer({ cert: certs.cert, key: certs.key }, (req, res) => {
    req.resume();
    // Content-Length on every answer, HEAD too: without it Node closes the connection after a HEAD.
    const headers = { 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(name)) };
    req.on('end', () => res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : name));
  });
  server.on('secureConnection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
