import type { Simulator } from '../../electron/simulator/server';

/** The call-control actions the simulator received, in order, as `ACTION number`. */
export function actionsSent(sim: Simulator): string[] {
  return sim.requests
    .filter((r) => /callcontrol/i.test(r.path))
    .map((r) => {
      const fields = r.method === 'GET' ? r.query : (JSON.parse(r.body || '{}') as Record<string, string>);
      return `${fields.action} ${fields.conferenceNumber}`;
    });
}
