import { DEMO_ACCOUNT, type Simulator } from '../../../electron/simulator/server';
export { fakeClock } from '../../support/clock';
export { simulator as sim } from '../../support/sim-env';

export { DEMO_ACCOUNT };

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: () => Record<string, unknown>;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
}

/** `GET /callcontrol_v4.php` with the documented query; `params` override or add fields. */
export async function legacy(s: Simulator, params: Record<string, string>): Promise<Answer> {
  const url = new URL('/callcontrol_v4.php', s.url);
  const q: Record<string, string> = {
    did: DEMO_ACCOUNT.did,
    agentPhoneName: 'demo-phone',
    api_key: DEMO_ACCOUNT.apiKey,
    output: 'json',
    playRing: 'true',
    ...params,
  };
  for (const [k, v] of Object.entries(q)) url.searchParams.set(k, v);
  return answer(await fetch(url));
}

export async function post(
  s: Simulator,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Answer> {
  const res = await fetch(new URL(path, s.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  return answer(res);
}

export async function get(s: Simulator, pathAndQuery: string, init: RequestInit = {}): Promise<Answer> {
  return answer(await fetch(new URL(pathAndQuery, s.url), init));
}

/** `POST /ca_apis/CallControl_V4` for the demo user. */
export function v4(
  s: Simulator,
  fields: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<Answer> {
  return post(
    s,
    '/ca_apis/CallControl_V4',
    { did: DEMO_ACCOUNT.did, agentPhoneName: 'demo-phone', userName: DEMO_ACCOUNT.userName, ...fields },
    headers,
  );
}

export async function newToken(s: Simulator, userName = DEMO_ACCOUNT.userName, apiKey = DEMO_ACCOUNT.apiKey) {
  const res = await post(s, '/ca_apis/CAToken/generateToken', { userName }, { apiKey });
  const token = res.json()['token'];
  if (typeof token !== 'string') throw new Error(`no token: ${res.text}`);
  return token;
}

/** Waits until the simulator has logged `count` requests (a held request is logged on arrival). */
export async function untilLogged(s: Simulator, count: number): Promise<void> {
  while (s.requests.length < count) await new Promise((r) => setTimeout(r, 5));
}
