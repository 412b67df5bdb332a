import type { Action, ApiMode, OutputFormat } from '../../../shared/cloudagent';
import type { Region } from '../../../shared/phone';

/**
 * How a token is sent: `Authorization: Bearer <token>` (what most public clients do) or the bare token in
 * `Authorization`. CloudAgent's reference does not say; the account decides which one it reads.
 */
export const TOKEN_FORMS = ['bearer', 'raw'] as const;
export type TokenForm = (typeof TOKEN_FORMS)[number];

/** Where the API lives: a documented region, or a partner's own base URL. */
export type Endpoint = { region: Region; baseUrl?: undefined } | { region?: Region; baseUrl: string };

export interface CloudAgentConfig {
  endpoint: Endpoint;
  mode: ApiMode;
  userName: string;
  did: string;
  agentPhoneName: string;
  /** Legacy endpoint only: which body format to ask for. */
  output: OutputFormat;
  /** Per-request timeout in milliseconds (default 8000). */
  timeoutMs: number;
  /** Token mode only: how the token is sent (default bearer). */
  tokenForm?: TokenForm;
}

export interface CallControlRequest {
  action: Action;
  ucid: string;
  /** Already normalised for the region (see shared/phone.ts) or a SIP address as typed. */
  conferenceNumber: string;
  sip?: boolean;
}

export interface CallControlResult {
  action: Action;
  status: string;
  message: string;
  ucid: string;
  /** Milliseconds from sending to a parsed answer. */
  latencyMs: number;
}

export interface ManualDialRequest {
  customerNumber: string;
  campaignName?: string;
  /** `true` (the default): CloudAgent does not start the call while the agent is busy. Always sent. */
  checkStatus?: boolean;
  /** Maximum talk time in seconds (shared/phone-line.ts bounds); absent = CloudAgent's default. */
  callLimit?: number;
  /** Extra data for CloudAgent's reports (the Start call field's "Reference"), e.g. a CRM ticket id. */
  uui?: string;
}

export interface ManualDialResult {
  status: string;
  /** CloudAgent returns the new call's ucid in `message`. */
  ucid: string;
  message: string;
  latencyMs: number;
}

/** Release Agent's Phone Number: the numbers CloudAgent freed (`FwpNumbers`). */
export interface ReleasePhoneResult {
  status: string;
  phoneName: string;
  numbers: string[];
  latencyMs: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** Where the client finds its secrets; the keychain vault implements it, tests may pass a fixed key. */
export interface SecretSource {
  getApiKey(): Promise<string | null>;
  /** Cached token shared between the app and the CLI (and successive CLI runs); null when none stored. */
  getToken(): Promise<TokenCache | null>;
  setToken(cache: TokenCache): Promise<void>;
  deleteToken(): Promise<void>;
}

/** What is kept in the keychain for token mode: the token and the generation budget, shared by processes. */
export interface TokenCache {
  token: string | null;
  /** Epoch ms when the token stops being valid (60 minutes after generation). */
  expiresAt: number;
  /** Epoch ms of each generateToken call in the trailing hour, oldest first. */
  generations: number[];
}

export interface CloudAgentClient {
  callControl(req: CallControlRequest, opts?: RequestOptions): Promise<CallControlResult>;
  manualDial(req: ManualDialRequest, opts?: RequestOptions): Promise<ManualDialResult>;
  /** Frees the agent's phone (the configured phone name). Never re-sent on its own. */
  releasePhone(opts?: RequestOptions): Promise<ReleasePhoneResult>;
  /** Opens the pooled connection ahead of the first action. Never throws. */
  warm(): Promise<void>;
  /** Token mode: generations counted in the trailing hour (for display and doctor). */
  tokenBudget(): { used: number; limit: number };
  dispose(): Promise<void>;
}
