import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { canConnect, freePort } from './loopback-ports';

const SQUID = '/usr/sbin/squid';
const HELPERS = ['/usr/lib/squid', '/usr/lib64/squid', '/usr/libexec/squid'];

function helper(name: string): string | undefined {
  return HELPERS.map((d) => join(d, name)).find((p) => existsSync(p));
}

/** Why the squid tests cannot run here, or null when they can (squid built with OpenSSL and its helpers). */
export function squidMissing(): string | null {
  if (!existsSync(SQUID)) return 'squid-openssl not installed';
  let version = '';
  try {
    version = execFileSync(SQUID, ['-v'], { encoding: 'utf8' });
  } catch {
    return 'squid-openssl not installed (squid -v failed)';
  }
  if (!/--with-openssl/.test(version)) return 'squid-openssl not installed (this squid has no OpenSSL)';
  if (!helper('basic_ncsa_auth') || !helper('security_file_certgen')) {
    return 'squid-openssl not installed (basic_ncsa_auth / security_file_certgen missing)';
  }
  return null;
}

/** Why squid cannot ask for Negotiate (Kerberos) here, or null when it can. */
export function squidNegotiateMissing(): string | null {
  const base = squidMissing();
  if (base) return base;
  if (!helper('negotiate_kerberos_auth'))
    return 'squid-openssl not installed (negotiate_kerberos_auth missing)';
  return null;
}

export interface Squid {
  url: string;
  port: number;
  /** The CONNECT lines squid logged (host:port), to count tunnels. */
  connects(): string[];
  /** The user names squid logged for requests it let through (access.log's user field), e.g. agent7@CONFBAR.TEST. */
  users(): string[];
  close(): Promise<void>;
}

export interface SquidOptions {
  /** Test host names squid resolves from its own hosts_file (never DNS). */
  hosts: string[];
  /** CA that signed CloudAgent's real certificate: squid checks the server it connects to. */
  upstreamCaFile: string;
  /** Basic auth through basic_ncsa_auth with an htpasswd file made here. */
  login?: { username: string; password: string };
  /** ssl-bump: re-sign every certificate with this CA (what a TLS-inspecting firewall does). */
  bump?: { cert: string; key: string };
  /**
   * Kerberos login (negotiate_kerberos_auth) with the proxy's service key: a CONNECT without a ticket gets
   * 407 `Proxy-Authenticate: Negotiate`. Combined offers come in the order Negotiate, NTLM, Basic.
   */
  negotiate?: { keytab: string; krb5Config: string; servicePrincipal: string };
  /** NTLM offered too (ntlm_fake_auth: accepts any NTLM user, enough to see a client pick a scheme). */
  ntlmFake?: true;
}

/** Starts squid in the foreground on a loopback port with its own config, cache and logs under a temp dir. */
export async function startSquid(opts: SquidOptions): Promise<Squid> {
  const dir = mkdtempSync(join(tmpdir(), 'confbar-squid-'));
  const port = await freePort();
  const f = (name: string) => join(dir, name);
  writeFileSync(f('hosts'), opts.hosts.map((h) => `127.0.0.1 ${h}\n`).join(''));
  const lines = [
    opts.bump
      ? `http_port 127.0.0.1:${port} ssl-bump cert=${f('bump.pem')} key=${f('bump.key')} generate-host-certificates=on dynamic_cert_mem_cache_size=4MB`
      : `http_port 127.0.0.1:${port}`,
    `pid_filename ${f('squid.pid')}`,
    `cache_log ${f('cache.log')}`,
    `access_log stdio:${f('access.log')}`,
    `coredump_dir ${dir}`,
    'cache deny all',
    `hosts_file ${f('hosts')}`,
    'dns_nameservers 127.0.0.1',
    'visible_hostname confbar-test-squid',
    'shutdown_lifetime 0 seconds',
    `tls_outgoing_options cafile=${opts.upstreamCaFile}`,
    'acl CONNECT method CONNECT',
  ];
  const spawnEnv: NodeJS.ProcessEnv = { ...process.env };
  if (opts.negotiate) {
    // Copies inside squid's own dir, which is handed to the unprivileged user below (the KDC's dir is 0700).
    writeFileSync(f('krb5.conf'), readFileSync(opts.negotiate.krb5Config));
    writeFileSync(f('http.keytab'), readFileSync(opts.negotiate.keytab));
    mkdirSync(f('rcache'));
    // The helper reads krb5.conf from KRB5_CONFIG (never /etc/krb5.conf) and inherits squid's environment.
    Object.assign(spawnEnv, {
      KRB5_CONFIG: f('krb5.conf'),
      KRB5_KTNAME: `FILE:${f('http.keytab')}`,
      KRB5RCACHEDIR: f('rcache'),
    });
    lines.push(
      `auth_param negotiate program ${helper('negotiate_kerberos_auth')} -s ${opts.negotiate.servicePrincipal} -k ${f('http.keytab')} -c ${f('rcache')}`,
      'auth_param negotiate children 3 startup=1 idle=1',
      'auth_param negotiate keep_alive on',
    );
  }
  if (opts.ntlmFake) {
    lines.push(
      `auth_param ntlm program ${helper('ntlm_fake_auth')}`,
      'auth_param ntlm children 2 startup=1 idle=1',
      'auth_param ntlm keep_alive on',
    );
  }
  if (opts.login) {
    const hash = execFileSync('openssl', ['passwd', '-apr1', opts.login.password], {
      encoding: 'utf8',
    }).trim();
    writeFileSync(f('htpasswd'), `${opts.login.username}:${hash}\n`);
    lines.push(
      `auth_param basic program ${helper('basic_ncsa_auth')} ${f('htpasswd')}`,
      'auth_param basic realm ConfBar test proxy',
    );
  }
  if (opts.login || opts.negotiate || opts.ntlmFake) {
    lines.push('acl authed proxy_auth REQUIRED', 'http_access allow authed');
  } else {
    lines.push('http_access allow localhost');
  }
  lines.push('http_access deny all');
  if (opts.bump) {
    writeFileSync(f('bump.pem'), opts.bump.cert);
    writeFileSync(f('bump.key'), opts.bump.key);
    const certgen = helper('security_file_certgen')!;
    execFileSync(certgen, ['-c', '-s', f('ssl_db'), '-M', '4MB']);
    lines.push(
      `sslcrtd_program ${certgen} -s ${f('ssl_db')} -M 4MB`,
      'sslcrtd_children 2 startup=1 idle=1',
      'acl step1 at_step SslBump1',
      'ssl_bump peek step1',
      'ssl_bump bump all',
    );
  }
  writeFileSync(f('squid.conf'), `${lines.join('\n')}\n`);
  // As root squid switches to an unprivileged user (Debian's `proxy`), which must own its files.
  if (userInfo().uid === 0) {
    lines.push('cache_effective_user proxy');
    writeFileSync(f('squid.conf'), `${lines.join('\n')}\n`);
    const uid = Number(execFileSync('id', ['-u', 'proxy'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'proxy'], { encoding: 'utf8' }).trim());
    const own = (p: string): void => {
      chownSync(p, uid, gid);
      if (!p.endsWith('.pem') && !p.endsWith('.key') && existsSync(p) && isDir(p)) {
        for (const e of readdirSync(p)) own(join(p, e));
      }
    };
    own(dir);
  }
  const child: ChildProcess = spawn(SQUID, ['-N', '-f', f('squid.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: spawnEnv,
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      const log = existsSync(f('cache.log')) ? readFileSync(f('cache.log'), 'utf8') : '';
      throw new Error(`squid exited: ${output}\n${log.slice(-2000)}`);
    }
    if (await canConnect(port)) break;
    if (Date.now() > deadline) throw new Error(`squid did not listen on ${port}: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connects() {
      if (!existsSync(f('access.log'))) return [];
      return readFileSync(f('access.log'), 'utf8')
        .split('\n')
        .filter((l) => / CONNECT /.test(l))
        .map((l) => l.split(' CONNECT ')[1]?.split(' ')[0] ?? '');
    },
    users() {
      if (!existsSync(f('access.log'))) return [];
      // Native format: time elapsed client code/status bytes method URL user hierarchy type.
      return readFileSync(f('access.log'), 'utf8')
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[7] ?? '-')
        .filter((u) => u !== '-');
    },
    async close() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function isDir(p: string): boolean {
  try {
    readdirSync(p);
    return true;
  } catch {
    return false;
  }
}
