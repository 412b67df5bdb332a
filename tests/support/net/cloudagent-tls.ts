import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '../../../electron/simulator/server';
import { makeCa, makeLeaf, type TestCa } from './certs';
import { loopbackLookup } from './lookup';
import { startTlsFront, type TlsFront } from './tls-front';

/** The name CloudAgent has in these tests; it resolves only through `lookup`. */
export const CLOUDAGENT_HOST = 'cloudagent.test';

export interface TlsCloudAgent {
  sim: Simulator;
  /** Signed by the "public" CA (what CloudAgent's real certificate chains to). */
  front: TlsFront;
  url: string;
  publicCa: TestCa;
  /** A company's TLS-inspection CA, and a front whose certificate it signed (what an inspecting firewall shows). */
  inspectionCa: TestCa;
  inspectedFront: TlsFront;
  inspectedUrl: string;
  /** PEM files of each CA, for --ca-file / CONFBAR_CA_FILE / Settings. */
  publicCaFile: string;
  inspectionCaFile: string;
  lookup: ReturnType<typeof loopbackLookup>;
  close(): Promise<void>;
}

export async function startTlsCloudAgent(): Promise<TlsCloudAgent> {
  const sim = await startSimulator();
  const publicCa = await makeCa('ConfBar Test Public Root');
  const inspectionCa = await makeCa('Acme Corp Inspection CA');
  const front = await startTlsFront(sim.port, await makeLeaf(publicCa, [CLOUDAGENT_HOST]));
  const inspectedFront = await startTlsFront(sim.port, await makeLeaf(inspectionCa, [CLOUDAGENT_HOST]));
  const dir = mkdtempSync(join(tmpdir(), 'confbar-ca-'));
  const publicCaFile = join(dir, 'public-ca.pem');
  const inspectionCaFile = join(dir, 'acme-inspection-ca.pem');
  writeFileSync(publicCaFile, publicCa.cert);
  writeFileSync(inspectionCaFile, inspectionCa.cert);
  return {
    sim,
    front,
    url: `https://${CLOUDAGENT_HOST}:${front.port}`,
    publicCa,
    inspectionCa,
    inspectedFront,
    inspectedUrl: `https://${CLOUDAGENT_HOST}:${inspectedFront.port}`,
    publicCaFile,
    inspectionCaFile,
    lookup: loopbackLookup([CLOUDAGENT_HOST]),
    async close() {
      await front.close();
      await inspectedFront.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
