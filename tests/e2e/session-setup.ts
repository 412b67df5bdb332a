import type { Harness } from './harness';
import { eventually, rowStates } from './helpers';

/** Opens a live call on the harness's simulator and dials `numbers` through main (not the UI). */
export async function liveCallWith(
  h: Harness,
  numbers: Array<{ number: string; label?: string }>,
): Promise<string> {
  const ucid = h.sim.createCall({ userName: 'demo', agentPhoneName: 'demo-phone' });
  await h.call('setUcid', { text: ucid });
  for (const n of numbers)
    await h.call('addParticipant', { number: n.number, sip: false, ...(n.label ? { label: n.label } : {}) });
  await eventually(
    () => rowStates(h.page),
    numbers.map(() => 'connected'),
  );
  return ucid;
}
