import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import type { Route } from '../../../electron/core/cloudagent/transport';
import { createOsRouteSource, OS_ROUTE_TTL_MS } from '../../../electron/shell/os-route-source';

const shown = (routes: Route[]) =>
  routes.map((r) => (r.kind === 'direct' ? `DIRECT (${r.from})` : `${r.proxy.host} (${r.from})`));

/** A resolveProxy double that counts the questions and answers from a table (or fails). */
function osResolver(answers: Record<string, string | Error>) {
  const asked: string[] = [];
  return {
    asked,
    resolveProxy: async (url: string) => {
      asked.push(url);
      const a = answers[new URL(url).origin] ?? answers['*'];
      if (a === undefined) return 'DIRECT';
      if (a instanceof Error) throw a;
      return a;
    },
  };
}

// The matching rules themselves are the transport's (proxy-from-env); here, only that they are consulted.
const exactHostBypass = (url: URL, noProxy: string) => noProxy.split(/[\s,]+/).includes(url.hostname);

function source(
  answers: Record<string, string | Error>,
  network: Partial<Settings['network']> = {},
  clock = { t: 0 },
) {
  const os = osResolver(answers);
  const settings = { ...DEFAULT_SETTINGS.network, ...network };
  const routes = createOsRouteSource({
    network: () => settings,
    resolveProxy: os.resolveProxy,
    bypass: exactHostBypass,
    now: () => clock.t,
  });
  return { routes, os, settings, clock };
}

const CA = 'https://api.cloudagent.example';

describe('the app route source', () => {
  it('takes the OS/PAC answer, with its fallbacks in order', async () => {
    const { routes, os } = source({ [CA]: 'PROXY proxy.corp:8080; DIRECT' });
    expect(shown(await routes.routesFor(CA))).toEqual(['proxy.corp:8080 (os)', 'DIRECT (os)']);
    expect(os.asked).toEqual([`${CA}/`]);
  });

  it('sends loopback origins (the demo simulator) direct without asking the OS', async () => {
    const { routes, os } = source({ '*': 'PROXY proxy.corp:8080' }, { proxy: 'http://p.corp:1' });
    for (const o of ['http://127.0.0.1:4010', 'http://localhost:9', 'http://[::1]:80']) {
      expect(shown(await routes.routesFor(o))).toEqual(['DIRECT (loopback)']);
    }
    expect(os.asked).toEqual([]);
  });

  it('lets the settings decide first: no proxy list, none, a proxy URL', async () => {
    const s = source({ '*': 'PROXY os.corp:3128' }, { noProxy: 'api.cloudagent.example' });
    expect(shown(await s.routes.routesFor(CA))).toEqual(['DIRECT (setting)']);
    s.settings.noProxy = '';
    s.settings.proxy = 'none';
    expect(shown(await s.routes.routesFor(CA))).toEqual(['DIRECT (setting)']);
    s.settings.proxy = 'http://set.corp:8080';
    expect(shown(await s.routes.routesFor(CA))).toEqual(['set.corp:8080 (setting)']);
    expect(s.os.asked).toEqual([]);
    s.settings.proxy = 'system';
    expect(shown(await s.routes.routesFor(CA))).toEqual(['os.corp:3128 (os)']);
  });

  it('caches per origin, and asks again after invalidate or the TTL', async () => {
    const s = source({ '*': 'PROXY os.corp:3128' });
    await s.routes.routesFor(CA);
    await s.routes.routesFor(`${CA}/`);
    await s.routes.routesFor('https://other.example');
    expect(s.os.asked).toHaveLength(2);

    s.routes.invalidate(CA);
    await s.routes.routesFor(CA);
    await s.routes.routesFor('https://other.example');
    expect(s.os.asked).toHaveLength(3);

    s.routes.invalidate();
    await s.routes.routesFor(CA);
    await s.routes.routesFor('https://other.example');
    expect(s.os.asked).toHaveLength(5);

    s.clock.t += OS_ROUTE_TTL_MS - 1;
    await s.routes.routesFor(CA);
    expect(s.os.asked).toHaveLength(5);
    s.clock.t += 1;
    await s.routes.routesFor(CA);
    expect(s.os.asked).toHaveLength(6);
  });

  it('asks the OS once for concurrent requests to one origin', async () => {
    const s = source({ '*': 'DIRECT' });
    await Promise.all([s.routes.routesFor(CA), s.routes.routesFor(CA), s.routes.routesFor(CA)]);
    expect(s.os.asked).toHaveLength(1);
  });

  it('does not keep an answer the OS gave while an invalidation happened', async () => {
    let release: (answer: string) => void = () => undefined;
    let asked = 0;
    const routes = createOsRouteSource({
      network: () => DEFAULT_SETTINGS.network,
      resolveProxy: () => {
        asked += 1;
        return asked === 1 ? new Promise<string>((r) => (release = r)) : Promise.resolve('DIRECT');
      },
      bypass: () => false,
    });
    const first = routes.routesFor(CA);
    routes.invalidate();
    release('PROXY old.corp:1');
    expect(shown(await first)).toEqual(['old.corp:1 (os)']);
    expect(shown(await routes.routesFor(CA))).toEqual(['DIRECT (os)']);
  });

  it("falls back to this origin's last answer when the OS cannot be asked, never another origin's", async () => {
    const answers: Record<string, string | Error> = { [CA]: 'PROXY os.corp:3128' };
    const s = source(answers);
    await s.routes.routesFor(CA);
    answers[CA] = new Error('resolver gone');
    answers['https://other.example'] = new Error('resolver gone');
    s.routes.invalidate();
    expect(shown(await s.routes.routesFor(CA))).toEqual(['os.corp:3128 (os)']);
    const e = await s.routes.routesFor('https://other.example').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(
      /could not ask the system for its proxy settings for other\.example/,
    );
  });

  it('passes the parser’s SOCKS refusal on as an AppError', async () => {
    const s = source({ [CA]: 'SOCKS5 socks.corp:1080' });
    await expect(s.routes.routesFor(CA)).rejects.toThrow(/SOCKS5 proxy socks\.corp:1080.*does not support/);
  });
});
