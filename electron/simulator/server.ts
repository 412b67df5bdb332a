import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AccountBook, DEMO_ACCOUNT } from './accounts';
import { FaultQueue } from './faults';
import { assertLoopback, baseUrl } from './loopback';
import { echoCredentials } from './echo';
import { htmlReply, PHP_CONTENT_TYPE, send, xmlReply, type Reply } from './respond';
import type { RouteRequest, SimContext } from './routes/context';
import { route } from './routes';
import { PhoneLines } from './lines';
import { CallBook } from './state';
import { TokenBook } from './tokens';
import type { SimFault, SimRequest, Simulator, SimulatorOptions } from './types';

export type {
  NumberFormat,
  SimAccount,
  SimCall,
  SimFault,
  SimLineState,
  SimParticipant,
  SimRequest,
  Simulator,
  SimulatorOptions,
  SimTokenForm,
} from './types';
export { DEMO_ACCOUNT } from './accounts';

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Starts a CloudAgent stand-in on loopback: the legacy, basic and token call-control endpoints, token
 * generation, Phone Manual Dial and Release Agent's Phone Number, with per-ucid call state, agent phone
 * states, a request log and injectable faults.
 */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const host = opts.host ?? '127.0.0.1';
  assertLoopback(host);
  const now = opts.now ?? Date.now;
  const accounts = new AccountBook(opts.accounts ?? [DEMO_ACCOUNT]);
  const calls = new CallBook(accounts);
  const lines = new PhoneLines(accounts, calls);
  for (const phone of opts.stuckPhones ?? []) lines.set(accounts.first.userName, phone, 'stuck');
  const ctx: SimContext = {
    accounts,
    calls,
    lines,
    tokens: new TokenBook(now, opts.tokenMark),
    numberFormat: opts.numberFormat ?? 'in',
    tokenForm: opts.tokenForm ?? 'bearer',
    authFailureStatus: opts.authFailureStatus ?? 200,
  };
  const faults = new FaultQueue();
  let log: SimRequest[] = [];
  const held = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => {
        const request = describe(req, body ?? '', now());
        log.push(request);
        if (body === undefined) {
          send(res, htmlReply(413, 'Payload Too Large', 'The request body is too large.'));
          return;
        }
        const fault = faults.take(request.path);
        if (fault) applyFault(fault, request, res);
        else send(res, answer(request), req.method === 'HEAD');
      },
      () => undefined, // the client went away mid-request: nobody to answer
    );
  });

  function answer(request: RouteRequest): Reply {
    try {
      const reply = route(request, ctx);
      return opts.echoSecrets ? echoCredentials(reply, request) : reply;
    } catch (e) {
      return htmlReply(500, 'Internal Server Error', e instanceof Error ? e.message : String(e));
    }
  }

  // Only latency lets the request through: the action takes effect and its answer arrives late.
  // The other faults stand for a proxy or network failure before the request reached CloudAgent.
  function applyFault(fault: SimFault, request: RouteRequest, res: ServerResponse): void {
    switch (fault.kind) {
      case 'latency': {
        const reply = answer(request);
        const timer = setTimeout(() => {
          timers.delete(timer);
          send(res, reply, request.method === 'HEAD');
        }, fault.ms);
        timers.add(timer);
        return;
      }
      case 'noAnswer':
        held.add(res);
        res.once('close', () => held.delete(res));
        return;
      case 'reset':
        res.socket?.destroy();
        return;
      case 'html5xx': {
        const status = fault.status ?? 502;
        send(res, htmlReply(status, 'Bad Gateway', 'The upstream server did not answer.'));
        return;
      }
      case 'malformed':
        send(res, { status: 200, contentType: 'application/json; charset=utf-8', body: '{"status":"Succ' });
        return;
      case 'empty':
        send(res, { status: 200, contentType: 'application/json; charset=utf-8', body: '' });
        return;
      case 'answer':
        send(res, {
          status: fault.status ?? 200,
          contentType: fault.contentType ?? 'application/json; charset=utf-8',
          body: fault.body,
        });
        return;
      case 'reshape':
        send(res, reshape(answer(request), fault.as), request.method === 'HEAD');
        return;
    }
  }

  await listen(server, host, opts.port ?? 0);
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The simulator did not bind a TCP port.');
  const url = baseUrl(address.address, address.port);
  let closing: Promise<void> | undefined;

  return {
    url,
    port: address.port,
    createCall: (o) => ctx.calls.create(o),
    getCall: (ucid) => ctx.calls.get(ucid),
    endCall: (ucid) => ctx.calls.end(ucid),
    injectFault: (fault, o) => faults.add(fault, o),
    clearFaults: () => faults.clear(),
    get requests() {
      return log.slice();
    },
    clearRequests: () => {
      log = [];
    },
    tokenFor: (userName) => ctx.tokens.current(userName),
    setPhoneState: (phone, state, userName) => lines.set(userName ?? accounts.first.userName, phone, state),
    phoneState: (phone, userName) => lines.get(userName ?? accounts.first.userName, phone),
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const res of held) res.socket?.destroy();
        held.clear();
        // Pooled keep-alive sockets would otherwise keep close() waiting for their idle timeout.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** A JSON answer as XML (its fields in an `<xml>` root) or labelled `text/html`; any other body as it is. */
function reshape(reply: Reply, as: 'xml' | 'textHtml'): Reply {
  if (as === 'textHtml') return { ...reply, contentType: PHP_CONTENT_TYPE };
  let value: unknown;
  try {
    value = JSON.parse(reply.body);
  } catch {
    return reply;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return reply;
  const fields = Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, v === null ? '' : String(v as string)]),
  );
  return { ...xmlReply(fields), status: reply.status };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) =>
      reject(new Error(`The simulator could not listen on ${host}:${port}: ${e.message}`));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** The body as text, or undefined when it is over the size limit. */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function describe(req: IncomingMessage, body: string, at: number): SimRequest {
  const parsed = new URL(req.url ?? '/', 'http://simulator.invalid');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: req.method ?? 'GET',
    path: parsed.pathname,
    query: Object.fromEntries(parsed.searchParams),
    headers,
    body,
    at,
  };
}
