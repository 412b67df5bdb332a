import { startDemoSimulator, type DemoSimulator } from '../../simulator/demo';

/**
 * Demo mode: a simulator on a random loopback port with a demo account, started on demand so a new
 * user can try ConfBar with no CloudAgent account. One at a time; stopping it ends its calls.
 */
export class DemoRunner {
  private current: DemoSimulator | null = null;
  private starting: Promise<DemoSimulator> | null = null;

  get running(): DemoSimulator | null {
    return this.current;
  }

  async start(): Promise<DemoSimulator> {
    if (this.current) return this.current;
    this.starting ??= startDemoSimulator().then((demo) => (this.current = demo));
    try {
      return await this.starting;
    } finally {
      this.starting = null;
    }
  }

  async stop(): Promise<void> {
    const demo = this.current;
    this.current = null;
    await demo?.simulator.close();
  }
}
