/**
 * Run as its own process (bench/run.ts starts it): the heap main's core holds after 1000 actions, after a
 * forced GC, without the bench's own data in the same heap. Prints one JSON line.
 */
import { startSimulator } from '../electron/simulator/server';
import { openCallWithParticipant, startApp } from './app';

const ACTIONS = 1000;
const gc = globalThis.gc;
if (!gc) throw new Error('bench/main-heap.ts needs node --expose-gc');

const sim = await startSimulator();
const app = await startApp(sim.url, 'token');
const id = await openCallWithParticipant(app, sim);
for (let i = 1; i < ACTIONS; i++) {
  await app.call('toggleMute', { id });
  await app.services.settled();
  if (i % 100 === 0) sim.clearRequests(); // the simulator's request log is not ConfBar's memory
}
sim.clearRequests();
gc();
await new Promise((r) => setTimeout(r, 50));
gc();
const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
await app.close();
await sim.close();
console.log(JSON.stringify({ heapAfter1000ActionsMb: heapMb }));
