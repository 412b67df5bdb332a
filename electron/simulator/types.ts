/** A CloudAgent account as the simulator knows it. */
export interface SimAccount {
  apiKey: string;
  userName: string;
  did: string;
  /** agentPhoneName -> the agent's own number (e.g. 'demo-phone' -> '09800000001'). */
  phones: Record<string, string>;
  /** Campaign names that are offline; Phone Manual Dial accepts these (or no campaign at all). */
  offlineCampaigns: string[];
  /** Which new-API auth the account accepts; the legacy endpoint always works. */
  auth: 'basic' | 'token' | 'both';
  /**
   * Phone names an agent is logged in to the toolbar with: Phone Manual Dial refuses them with
   * `Online agent logged in with same phone number` under status `queued` (as the reference lists it).
   */
  onlineAgentPhones?: string[];
}

/** How the token is read from `Authorization`: `Bearer <token>` only, the bare token only, or either. */
export type SimTokenForm = 'bearer' | 'raw' | 'both';

export type SimFault =
  | { kind: 'latency'; ms: number }
  | { kind: 'noAnswer' }
  | { kind: 'reset' }
  | { kind: 'html5xx'; status?: number }
  | { kind: 'malformed' }
  | { kind: 'empty' }
  /** Answers this instead of the real answer; the request does not take effect (a refusal or a proxy). */
  | { kind: 'answer'; status?: number; contentType?: string; body: string }
  /**
   * The request takes effect and its answer arrives in another shape: its fields as an `<xml>` document
   * (XML where JSON was asked), or its JSON labelled `text/html` (the PHP way, on any endpoint).
   */
  | { kind: 'reshape'; as: 'xml' | 'textHtml' };

export interface SimRequest {
  method: string;
  /** The path without the query string, as sent. */
  path: string;
  query: Record<string, string>;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string;
  /** When it arrived, per the simulator's clock. */
  at: number;
}

export interface SimParticipant {
  number: string;
  sip: boolean;
  state: 'connected' | 'dropped';
  held: boolean;
  muted: boolean;
}

export interface SimCall {
  ucid: string;
  userName: string;
  agentPhoneName: string;
  agentNumber: string;
  customerNumber: string;
  live: boolean;
  participants: Map<string, SimParticipant>;
  /** For a call Phone Manual Dial started: its options as the server read them. */
  dialOptions?: { checkStatus: boolean; callLimit?: number; uui?: string };
}

/** An agent phone's state beyond its calls (see lines.ts). */
export type SimLineState = 'free' | 'busy' | 'stuck';

/** Which `conferenceNumber` format the simulated instance accepts: India (0 + 10 digits) or E.164. */
export type NumberFormat = 'in' | 'intl';

export interface SimulatorOptions {
  /** Default '127.0.0.1'; only loopback hosts are allowed. */
  host?: string;
  /** Default 0 = a free port. */
  port?: number;
  /** Clock for token life, budget and the request log; tests pass a fake one. Default Date.now. */
  now?: () => number;
  /** Default [DEMO_ACCOUNT]. */
  accounts?: SimAccount[];
  /** Default 'in'. */
  numberFormat?: NumberFormat;
  /**
   * Which token form the gateway reads (default 'bearer'). A token in another form is not read at all:
   * the answer is `Token Should Not be Null or Empty.`, as if none was sent.
   */
  tokenForm?: SimTokenForm;
  /**
   * The HTTP status of credential refusals on the new API (default 200, as the reference shows them);
   * 401 answers them as other CloudAgent endpoints do, with the same JSON body.
   */
  authFailureStatus?: 200 | 401;
  /**
   * Marks every token this simulator issues: the text (base64url characters) begins the token's signature,
   * so a test can recognise a token, or a piece of one, wherever it turns up. Default none.
   */
  tokenMark?: string;
  /**
   * A careless server that echoes the credentials it received in its answers' `message` (another letter
   * case and URL-encoded), for the secret-hygiene proof. Default false.
   */
  echoSecrets?: boolean;
  /**
   * Phone names (of the first account) whose number CloudAgent still maps to a customer at start: Phone
   * Manual Dial with checkStatus=true refuses them until ReleaseFwpNumber frees them. Default none.
   */
  stuckPhones?: string[];
}

export interface Simulator {
  /** e.g. 'http://127.0.0.1:PORT' (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** Starts a live call and returns its new ucid (16 digits). */
  createCall(opts?: { userName?: string; agentPhoneName?: string; customerNumber?: string }): string;
  getCall(ucid: string): SimCall | undefined;
  /** The customer hung up: the ucid answers 'Call not Found' from now on. */
  endCall(ucid: string): void;
  /**
   * Applies `fault` to the next `times` (default 1) matching requests. With `path`, a request matches
   * when its path matches; without it, every request matches except the `/` warm-up probe.
   */
  injectFault(fault: SimFault, opts?: { times?: number; path?: RegExp }): void;
  clearFaults(): void;
  /** Every request received, in order, including faulted ones (a snapshot). */
  readonly requests: readonly SimRequest[];
  clearRequests(): void;
  /**
   * Sets an agent phone's state: `stuck` (still mapped after its call), `busy` (on a call elsewhere) or
   * `free`. `userName` defaults to the first account's.
   */
  setPhoneState(phoneName: string, state: SimLineState, userName?: string): void;
  phoneState(phoneName: string, userName?: string): SimLineState;
  /** The user's current token while it is still valid per the clock. */
  tokenFor(userName: string): { token: string; expiresAt: number } | undefined;
  /** Stops listening, closes idle keep-alive sockets and releases held ('noAnswer') requests. */
  close(): Promise<void>;
}
