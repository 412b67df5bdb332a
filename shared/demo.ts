import type { Region } from './phone';

/**
 * The demo-mode port. Core runs demo mode through `StartDemo`; whoever composes the services (the Electron
 * main process, the browser harness, tests) passes one backed by the loopback simulator. So the core never
 * imports the simulator, and the simulator never imports the core.
 */

/** The account settings that point ConfBar at a demo CloudAgent (the api key travels beside them). */
export interface DemoAccount {
  /** The demo instance's own URL, used as a custom base URL (no region host). */
  baseUrl: string;
  /** Which number format the demo instance accepts. */
  region: Region;
  userName: string;
  did: string;
  agentPhoneName: string;
  agentNumber: string;
  /** An offline campaign, for Phone Manual Dial. */
  campaignName: string;
}

/** A running demo CloudAgent with one live call to conference into. */
export interface DemoInstance {
  account: DemoAccount;
  apiKey: string;
  /** A live call ready to conference into. */
  ucid: string;
  /** Stops the instance; its calls end. */
  stop(): Promise<void>;
}

export type StartDemo = () => Promise<DemoInstance>;
