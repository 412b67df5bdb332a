import { join } from 'node:path';
import { configureAccount, invokers, realServices } from '../../support/services-parts';
import { ACCOUNT, sim } from './helpers';

export const SUPERVISOR = '09811112222';
export const BILLING = '09822223333';

/** The app's services on the folder the CLI reads (CONFBAR_SETTINGS_DIR): a call, one held, one muted. */
export async function appWithCall(home: string) {
  const s = await sim();
  const services = await realServices(join(home, 'settings'));
  const { call } = invokers(services);
  await configureAccount(call, { baseUrl: s.url, account: ACCOUNT });
  const ucid = s.createCall({ userName: ACCOUNT.userName, agentPhoneName: 'demo-phone' });
  await call('setUcid', { text: ucid });
  await call('addParticipant', { number: SUPERVISOR, sip: false, label: 'Supervisor' });
  const snap = await call('addParticipant', { number: BILLING, sip: false });
  const [sup, bill] = snap.session!.participants;
  await call('toggleHold', { id: sup!.id });
  await call('toggleMute', { id: bill!.id });
  await services.settled();
  await services.journal.flush();
  return { s, services, ucid };
}
