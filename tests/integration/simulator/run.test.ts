import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const RUN = fileURLToPath(new URL('../../../electron/simulator/run.ts', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];

function start(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, ['--import', 'tsx', RUN, ...args], { stdio: 'pipe' });
  children.push(child);
  return child;
}

function collect(child: ChildProcessWithoutNullStreams) {
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  return out;
}

function exited(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
}

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('npm run simulator (run.ts)', () => {
  it('prints the demo account and a working example, then stops cleanly on SIGTERM', async () => {
    const child = start(['--port', '0']);
    const out = collect(child);
    await until(() => out.stdout.includes('Ctrl+C') || child.exitCode !== null);
    expect(out.stderr).toBe('');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out.stdout)?.[1];
    const ucid = /ucid\s+(\d{16})/.exec(out.stdout)?.[1];
    expect(url).toBeDefined();
    expect(ucid).toBeDefined();
    for (const fact of ['demo', 'demo-api-key', '08047000000', 'demo-phone', '09800000001', 'Demo_Offline']) {
      expect(out.stdout).toContain(fact);
    }
    expect(out.stdout).toContain(
      `node out/cli/confbar.js hold 09811112222 --ucid ${ucid} --base-url ${url} --mode token --user demo --did 08047000000`,
    );

    // The printed example is true: 09811112222 is on the demo call and can be held.
    const q = new URLSearchParams({
      action: 'HOLD',
      ucid: ucid ?? '',
      conferenceNumber: '09811112222',
      api_key: 'demo-api-key',
    });
    const res = await fetch(`${url}/callcontrol_v4.php?${q.toString()}`);
    expect(await res.json()).toEqual({ status: 'Success', message: 'User hold is successful' });

    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    await expect(fetch(`${url}/`)).rejects.toThrow();
  });

  it('--token-form raw --auth-status 401: reads only the bare token and refuses credentials with 401', async () => {
    const child = start(['--token-form', 'raw', '--auth-status', '401']);
    const out = collect(child);
    await until(() => out.stdout.includes('Ctrl+C') || child.exitCode !== null);
    expect(out.stdout).toContain('reads the token as the bare token; credential refusals answer HTTP 401');
    expect(out.stdout).toContain('--mode token --token-form raw --user demo');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out.stdout)?.[1] ?? '';
    const ucid = /ucid\s+(\d{16})/.exec(out.stdout)?.[1] ?? '';
    const json = { 'Content-Type': 'application/json' };

    const issued = await fetch(`${url}/ca_apis/CAToken/generateToken`, {
      method: 'POST',
      headers: { ...json, apiKey: 'demo-api-key' },
      body: JSON.stringify({ userName: 'demo' }),
    });
    const { token } = (await issued.json()) as { token: string };
    const hold = (auth: Record<string, string>) =>
      fetch(`${url}/ca_apis/CallControl_V4`, {
        method: 'POST',
        headers: { ...json, ...auth },
        body: JSON.stringify({
          action: 'HOLD',
          ucid,
          conferenceNumber: '09811112222',
          did: '08047000000',
          agentPhoneName: 'demo-phone',
          userName: 'demo',
        }),
      });
    // A credential refusal comes as 401; a token in the other form is simply not read.
    const wrongKey = await hold({ apiKey: 'not-the-key' });
    expect(wrongKey.status).toBe(401);
    expect(((await wrongKey.json()) as { message: string }).message).toBe('Invalid User Details');
    const asBearer = await hold({ Authorization: `Bearer ${token}` });
    expect(((await asBearer.json()) as { message: string }).message).toBe(
      'Token Should Not be Null or Empty.',
    );
    const bare = await hold({ Authorization: token });
    expect(bare.status).toBe(200);
    expect(((await bare.json()) as { status: string }).status).toBe('Success');
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });

  it('--help prints usage and exits 0', async () => {
    const child = start(['--help']);
    const out = collect(child);
    expect(await exited(child)).toBe(0);
    expect(out.stdout).toContain('Usage: npm run simulator -- [--port N]');
  });

  it.each([
    [['--port', 'abc'], '--port must be a whole number'],
    [['--format', 'us'], '--format must be "in" or "intl"'],
    [['--token-form', 'cookie'], '--token-form must be "bearer" or "raw"'],
    [['--auth-status', '403'], '--auth-status must be 200 or 401'],
    [['--colour'], "Unknown option '--colour'"],
    [['--host', '0.0.0.0'], 'loopback only'],
  ])('%j is refused with a message and exit code 2, no stack trace', async (args, message) => {
    const child = start(args);
    const out = collect(child);
    expect(await exited(child)).toBe(2);
    expect(out.stderr).toContain(message);
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect(out.stdout).toBe('');
  });

  it('--stuck-phone: the demo phone starts stuck and says so; ReleaseFwpNumber frees it', async () => {
    const child = start(['--stuck-phone']);
    const out = collect(child);
    await until(() => out.stdout.includes('Ctrl+C') || child.exitCode !== null);
    expect(out.stdout).toContain('phone demo-phone is stuck (still mapped)');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out.stdout)?.[1] ?? '';
    const q = new URLSearchParams({ apiKey: 'demo-api-key', userName: 'demo', phoneName: 'demo-phone' });
    const res = await fetch(`${url}/CAServices/ReleaseFwpNumber.php?${q.toString()}`);
    expect(await res.json()).toEqual({ status: 'success', FwpNumbers: ['09800000001'] });
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });
});
