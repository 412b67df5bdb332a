import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readProxyAnswer } from '../../../electron/core/net/proxy-answer-reader';

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

/** A socket connected to a server that writes `chunks` (one write each, a tick apart), then maybe ends. */
async function answering(chunks: string[], end = false): Promise<net.Socket> {
  const server = net.createServer(async (s) => {
    s.on('error', () => undefined);
    for (const c of chunks) {
      s.write(c);
      await new Promise((r) => setTimeout(r, 2));
    }
    if (end) s.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const socket = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  socket.on('error', () => undefined);
  closers.push(() => {
    socket.destroy();
    server.close();
  });
  await new Promise((r) => socket.once('connect', r));
  return socket;
}

describe("reading a proxy's answer to CONNECT", () => {
  it('reads a 407 and its body split across packets, leaving the connection reusable', async () => {
    const s = await answering([
      'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Negotiate\r\n',
      'Proxy-Authenticate: NTLM\r\nContent-Length: 5\r\n\r\nab',
      'cde',
    ]);
    const a = await readProxyAnswer(s);
    expect(a).toMatchObject({ status: 407, closes: false });
    expect(a.headers['proxy-authenticate']).toEqual(['Negotiate', 'NTLM']);
  });

  it('a 407 without a length, or with Connection: close, cannot carry the next leg', async () => {
    const noLength = await readProxyAnswer(
      await answering(['HTTP/1.1 407 No\r\nProxy-Authenticate: Negotiate\r\n\r\n']),
    );
    expect(noLength.closes).toBe(true);
    const closing = await readProxyAnswer(
      await answering(['HTTP/1.0 407 No\r\nConnection: close\r\nContent-Length: 0\r\n\r\n']),
    );
    expect(closing.closes).toBe(true);
  });

  it('a 200 keeps the bytes after it for the tunnel', async () => {
    const a = await readProxyAnswer(await answering(['HTTP/1.1 200 Connection Established\r\n\r\n\x16\x03']));
    expect(a.status).toBe(200);
    expect([...a.rest]).toEqual([0x16, 0x03]);
  });

  it('refuses garbage, an early close and an endless header', async () => {
    await expect(readProxyAnswer(await answering(['SSH-2.0-OpenSSH\r\n\r\n']))).rejects.toMatchObject({
      code: 'EPROTO',
    });
    await expect(readProxyAnswer(await answering(['HTTP/1.1 200'], true))).rejects.toMatchObject({
      code: 'ECONNRESET',
    });
    await expect(
      readProxyAnswer(await answering(['HTTP/1.1 407 x\r\n', `X-Pad: ${'a'.repeat(70_000)}`])),
    ).rejects.toMatchObject({ code: 'EPROTO' });
  });
});
