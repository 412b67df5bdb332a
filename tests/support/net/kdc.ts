import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canConnect, freePort } from './loopback-ports';
import { createRequire } from 'node:module';

// A real MIT Kerberos KDC (Debian's krb5-kdc + krb5-admin-server + krb5-user) on loopback, for the proxy's
// Negotiate (SPNEGO) login. Everything lives in one temp dir: its own krb5.conf and kdc.conf (never
// /etc/krb5.conf), database, keytab and ticket caches. No DNS: the KDC is named by IP, realm and host
// names come from the config (dns_lookup_* off, no canonicalisation, no reverse lookup).

const TOOLS: Array<[string, string]> = [
  ['/usr/sbin/krb5kdc', 'krb5-kdc'],
  ['/usr/sbin/kdb5_util', 'krb5-kdc'],
  ['/usr/sbin/kadmin.local', 'krb5-admin-server'],
  ['/usr/bin/kinit', 'krb5-user'],
  ['/usr/bin/klist', 'krb5-user'],
  ['/usr/bin/kdestroy', 'krb5-user'],
];

/** Why a KDC cannot run here (the Debian package to install), or null when it can. */
export function kdcMissing(): string | null {
  const gone = TOOLS.filter(([p]) => !existsSync(p));
  if (gone.length === 0) return null;
  const pkgs = [...new Set(gone.map(([, pkg]) => pkg))];
  return `${pkgs.join(', ')} not installed (${gone.map(([p]) => p).join(', ')} missing)`;
}

/** Why ConfBar's Kerberos login cannot run here (its optional native module did not build), or null. */
export function kerberosModuleMissing(): string | null {
  try {
    createRequire(import.meta.url)('kerberos');
    return null;
  } catch {
    return "the optional 'kerberos' module is not built (libkrb5-dev missing at npm install)";
  }
}

/** What a client process needs to find the KDC and a ticket cache (and nothing from /etc). */
export interface KrbEnv {
  KRB5_CONFIG: string;
  KRB5CCNAME: string;
}

export interface Kdc {
  realm: string;
  /** The KDC's port on 127.0.0.1 (UDP and TCP). */
  port: number;
  dir: string;
  /** Path of the krb5.conf every client and the proxy's helper must use. */
  krb5Config: string;
  /** The user's ticket cache, `FILE:<path>`, holding a TGT after startKdc. */
  ccache: string;
  /** Keytab with the proxy's service key (HTTP/<proxyHost>). */
  keytab: string;
  /** `HTTP/proxy.test@CONFBAR.TEST`: what squid's helper accepts tickets for. */
  servicePrincipal: string;
  /** GSS host-based name of the same service, `HTTP@proxy.test` (what a client asks a ticket for). */
  serviceName: string;
  userPrincipal: string;
  password: string;
  /**
   * Client-side environment: this realm's krb5.conf and the user's ticket cache. MIT's library reads the
   * real process environment: set it in a child process or a main thread (process.env there calls setenv),
   * not inside a worker thread, whose process.env is a private copy the library never sees.
   */
  env: KrbEnv;
  /** Environment with this krb5.conf and a fresh ticket cache that holds no ticket (the "no kinit" case). */
  envWithoutTicket(): KrbEnv;
  /** Gets a TGT for a principal into a ccache (default: the user, into `ccache`). */
  kinit(opts?: { ccache?: string; principal?: string; password?: string }): Promise<void>;
  /** Empties a ticket cache (default: the user's), as `kdestroy` does. */
  kdestroy(ccache?: string): Promise<void>;
  /** `klist` output for a ccache (default: the user's); rejects when it holds no ticket. */
  klist(ccache?: string): Promise<string>;
  /** Adds another principal with a password (e.g. a second agent). */
  addPrincipal(name: string, password: string): Promise<string>;
  /** The KDC's own log (AS_REQ / TGS_REQ lines: which tickets were issued). */
  log(): string;
  close(): Promise<void>;
}

export interface KdcOptions {
  realm?: string;
  /** Host name in the proxy's service principal, HTTP/<proxyHost> (default proxy.test). */
  proxyHost?: string;
  user?: { name: string; password: string };
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { env, timeout: 15_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${file} ${args.join(' ')} failed: ${stderr || err.message}`));
      else resolve(stdout);
    });
    // A tool that exits before reading stdin (klist, kdestroy) must not turn into an EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? '');
  });
}

/** Creates a realm in a temp dir, starts its KDC on 127.0.0.1 and kinits the user. */
export async function startKdc(opts: KdcOptions = {}): Promise<Kdc> {
  const realm = opts.realm ?? 'CONFBAR.TEST';
  const proxyHost = opts.proxyHost ?? 'proxy.test';
  const user = opts.user ?? { name: 'agent7', password: 'Kerb-pass-7' };
  const dir = mkdtempSync(join(tmpdir(), 'confbar-kdc-'));
  const f = (name: string) => join(dir, name);
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let emptyCount = 0;
  const stop = async (): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    const domain = proxyHost.includes('.') ? proxyHost.slice(proxyHost.indexOf('.')) : `.${proxyHost}`;
    writeFileSync(
      f('krb5.conf'),
      [
        '[libdefaults]',
        `  default_realm = ${realm}`,
        '  dns_lookup_kdc = false',
        '  dns_lookup_realm = false',
        '  dns_canonicalize_hostname = false',
        '  rdns = false',
        // Loopback only: no need to wait for the UDP reply of a KDC that is not there.
        '  udp_preference_limit = 1',
        `  default_ccache_name = FILE:${f('ccache')}`,
        `  default_keytab_name = FILE:${f('http.keytab')}`,
        '[realms]',
        `  ${realm} = {`,
        `    kdc = 127.0.0.1:${port}`,
        '  }',
        '[domain_realm]',
        `  ${domain} = ${realm}`,
        `  ${domain.slice(1)} = ${realm}`,
        '',
      ].join('\n'),
    );
    writeFileSync(
      f('kdc.conf'),
      [
        '[kdcdefaults]',
        `  kdc_listen = 127.0.0.1:${port}`,
        `  kdc_tcp_listen = 127.0.0.1:${port}`,
        '[realms]',
        `  ${realm} = {`,
        `    database_name = ${f('principal')}`,
        `    key_stash_file = ${f('stash')}`,
        `    acl_file = ${f('kadm5.acl')}`,
        `    kdc_listen = 127.0.0.1:${port}`,
        `    kdc_tcp_listen = 127.0.0.1:${port}`,
        '  }',
        '[logging]',
        `  kdc = FILE:${f('kdc.log')}`,
        `  admin_server = FILE:${f('kadmin.log')}`,
        `  default = FILE:${f('krb5lib.log')}`,
        '',
      ].join('\n'),
    );
    writeFileSync(f('kadm5.acl'), '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      KRB5_CONFIG: f('krb5.conf'),
      KRB5_KDC_PROFILE: f('kdc.conf'),
      KRB5CCNAME: `FILE:${f('ccache')}`,
    };
    await run('/usr/sbin/kdb5_util', ['create', '-s', '-r', realm, '-P', 'confbar-master-key'], env);
    const kadmin = (q: string) => run('/usr/sbin/kadmin.local', ['-r', realm, '-q', q], env);
    const userPrincipal = `${user.name}@${realm}`;
    const servicePrincipal = `HTTP/${proxyHost}@${realm}`;
    await kadmin(`addprinc -pw ${user.password} ${userPrincipal}`);
    await kadmin(`addprinc -randkey ${servicePrincipal}`);
    await kadmin(`ktadd -k ${f('http.keytab')} ${servicePrincipal}`);

    let output = '';
    child = spawn('/usr/sbin/krb5kdc', ['-n', '-r', realm], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const proc = child;
    exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    const deadline = Date.now() + 10_000;
    while (!(await canConnect(port))) {
      if (proc.exitCode !== null) throw new Error(`krb5kdc exited: ${output}\n${readLog(f('kdc.log'))}`);
      if (Date.now() > deadline) throw new Error(`krb5kdc did not listen on ${port}: ${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    const kinit: Kdc['kinit'] = async (o = {}) => {
      await run(
        '/usr/bin/kinit',
        [o.principal ?? userPrincipal],
        { ...env, KRB5CCNAME: o.ccache ?? `FILE:${f('ccache')}` },
        `${o.password ?? user.password}\n`,
      );
    };
    await kinit();
    return {
      realm,
      port,
      dir,
      krb5Config: f('krb5.conf'),
      ccache: `FILE:${f('ccache')}`,
      keytab: f('http.keytab'),
      servicePrincipal,
      serviceName: `HTTP@${proxyHost}`,
      userPrincipal,
      password: user.password,
      env: { KRB5_CONFIG: f('krb5.conf'), KRB5CCNAME: `FILE:${f('ccache')}` },
      envWithoutTicket: () => ({
        KRB5_CONFIG: f('krb5.conf'),
        KRB5CCNAME: `FILE:${f(`empty-ccache-${++emptyCount}`)}`,
      }),
      kinit,
      kdestroy: async (ccache = `FILE:${f('ccache')}`) => {
        await run('/usr/bin/kdestroy', [], { ...env, KRB5CCNAME: ccache });
      },
      klist: (ccache = `FILE:${f('ccache')}`) => run('/usr/bin/klist', [], { ...env, KRB5CCNAME: ccache }),
      addPrincipal: async (name, password) => {
        const p = name.includes('@') ? name : `${name}@${realm}`;
        await kadmin(`addprinc -pw ${password} ${p}`);
        return p;
      },
      log: () => readLog(f('kdc.log')),
      close: stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

function readLog(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
