/**
 * What the transport trusts, loaded once per process by whoever composes it (main or the CLI) and passed in:
 * Node's bundled roots, the OS store where the runtime exposes it, and an extra CA file (a company's
 * TLS-inspection CA). Certificates that have expired are dropped; nothing here ever turns checks off.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import { AppError } from '../../../shared/errors';
import type { Trust } from '../cloudagent/transport';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export interface TrustSources {
  /** Add the OS store (tls.getCACertificates('system'), when the runtime has it). */
  system?: boolean;
  /** A PEM file of extra CAs (Settings → Network → Extra CA file; CLI --ca-file / CONFBAR_CA_FILE). */
  extraCaFile?: string;
  /** NODE_EXTRA_CA_CERTS for the CLI: Node already adds it to its default store, which `ca` replaces. */
  nodeExtraCaFile?: string;
  now?: () => number;
}

type CaLoader = (type: 'system' | 'bundled') => string[];

/** Node ≥ 22.15 / Electron 45's Node: the OS store as PEM. Feature-detected, as Node 20 lacks it. */
function systemLoader(): CaLoader | undefined {
  const fn = (tls as unknown as { getCACertificates?: CaLoader }).getCACertificates;
  return typeof fn === 'function' ? fn : undefined;
}

export async function loadTrust(sources: TrustSources = {}): Promise<Trust> {
  const now = sources.now?.() ?? Date.now();
  const seen = new Set<string>();
  const keep = (pems: readonly string[]): string[] =>
    pems.filter((pem) => {
      const key = pem.trim();
      if (seen.has(key) || !current(key, now)) return false;
      seen.add(key);
      return true;
    });
  const bundled = keep(tls.rootCertificates);
  const load = sources.system ? systemLoader() : undefined;
  const system = load ? keep(load('system')) : [];
  const ca = [...bundled, ...system];
  let extra: Trust['describe']['extra'];
  for (const file of [sources.nodeExtraCaFile, sources.extraCaFile]) {
    if (!file) continue;
    const certs = await readCaFile(file, now);
    ca.push(...keep(certs.map((c) => c.toString())));
    extra = { file, subjects: [...(extra?.subjects ?? []), ...certs.map((c) => commonName(c.subject))] };
  }
  return { ca, describe: { bundled: bundled.length, system: system.length, extra } };
}

/** Trust exactly these PEMs (tests and the benchmark: a CA made for the run). */
export function trustOnly(pems: string[], label = 'test CA'): Trust {
  return { ca: pems, describe: { bundled: 0, system: 0, extra: { file: label, subjects: [] } } };
}

/**
 * Reads a PEM file of CA certificates. Missing, unreadable, not a certificate, or only expired ones →
 * AppError InvalidInput naming the file and what is wrong (never a crash, never silently ignored).
 */
export async function readCaFile(file: string, now = Date.now()): Promise<X509Certificate[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : code;
    throw new AppError(
      'InvalidInput',
      `The extra CA file ${file} ${why ?? 'cannot be read'}.`,
      'Point Network → Extra CA file (CLI: --ca-file) at the PEM file IT gave you.',
    );
  }
  const certs: X509Certificate[] = [];
  for (const pem of text.match(PEM_BLOCK) ?? []) {
    try {
      certs.push(new X509Certificate(pem));
    } catch {
      throw notACertificate(file, 'holds a block that is not a readable certificate');
    }
  }
  if (certs.length === 0) throw notACertificate(file, 'holds no PEM certificate');
  const valid = certs.filter((c) => Date.parse(c.validTo) > now && Date.parse(c.validFrom) <= now);
  if (valid.length === 0)
    throw notACertificate(file, 'holds only certificates that are expired or not yet valid');
  return valid;
}

function notACertificate(file: string, what: string): AppError {
  return new AppError(
    'InvalidInput',
    `The extra CA file ${file} ${what}.`,
    'Ask IT for the CA certificate in PEM form ("-----BEGIN CERTIFICATE-----"), then set it again.',
  );
}

function current(pem: string, now: number): boolean {
  try {
    const c = new X509Certificate(pem);
    return Date.parse(c.validTo) > now;
  } catch {
    return false;
  }
}

/** "CN=Acme Corp Inspection CA" out of a multi-line X.509 name, or the whole name when it has no CN. */
export function commonName(name: string | undefined): string {
  if (!name) return 'an unknown issuer';
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(name);
  return (cn ? cn[1]! : name.replace(/\n/g, ', ')).trim();
}
