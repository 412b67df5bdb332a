import type { DemoInstance, StartDemo } from '../../../shared/demo';

/**
 * Demo mode: a demo CloudAgent started on demand so a new user can try ConfBar with no account. One at a
 * time; stopping it ends its calls. What a demo instance is comes from the composer (`StartDemo`): the core
 * never imports the simulator behind it.
 */
export class DemoRunner {
  private current: DemoInstance | null = null;
  private starting: Promise<DemoInstance> | null = null;

  constructor(private readonly startDemo: StartDemo) {}

  get running(): DemoInstance | null {
    return this.current;
  }

  async start(): Promise<DemoInstance> {
    if (this.current) return this.current;
    this.starting ??= this.startDemo().then((demo) => (this.current = demo));
    try {
      return await this.starting;
    } finally {
      this.starting = null;
    }
  }

  async stop(): Promise<void> {
    const demo = this.current;
    this.current = null;
    await demo?.stop();
  }
}
