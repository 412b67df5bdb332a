import { CALL_LIMIT_MAX_S, CALL_LIMIT_MIN_S, callLimitProblem } from '../../../../shared/phone-line';
import type { Settings, SettingsPatch } from '../../../../shared/settings';

type Account = Settings['account'];

/** The account form as typed: every field a string or enum, so nothing the agent typed is ever lost. */
export interface AccountDraft {
  region: Account['region'];
  baseUrl: string;
  mode: Account['mode'];
  tokenForm: Account['tokenForm'];
  userName: string;
  did: string;
  agentPhoneName: string;
  agentNumber: string;
  output: Account['output'];
  timeoutMs: string;
  kickNumber: Account['kickNumber'];
  campaignName: string;
  checkStatus: boolean;
  /** Seconds as typed; empty = no limit. */
  callLimit: string;
}

export function toDraft(a: Account): AccountDraft {
  return {
    region: a.region,
    baseUrl: a.baseUrl ?? '',
    mode: a.mode,
    tokenForm: a.tokenForm,
    userName: a.userName,
    did: a.did,
    agentPhoneName: a.agentPhoneName,
    agentNumber: a.agentNumber,
    output: a.output,
    timeoutMs: String(a.timeoutMs),
    kickNumber: a.kickNumber,
    campaignName: a.campaignName,
    checkStatus: a.checkStatus,
    callLimit: a.callLimit === null ? '' : String(a.callLimit),
  };
}

export function sameDraft(a: AccountDraft, b: AccountDraft): boolean {
  return (Object.keys(a) as Array<keyof AccountDraft>).every((k) => a[k] === b[k]);
}

export type DraftResult =
  | { ok: true; patch: NonNullable<SettingsPatch['account']> }
  | { ok: false; errors: Partial<Record<keyof AccountDraft, string>> };

/**
 * The smallest account patch that turns `current` into the draft: only changed fields travel, so a
 * field an admin locked is never sent unless the agent could (and did) change it. Only what cannot be
 * expressed in the patch's types is checked here; range and format rules are main's to enforce.
 */
export function draftToPatch(draft: AccountDraft, current: Account): DraftResult {
  const errors: Partial<Record<keyof AccountDraft, string>> = {};
  const timeoutText = draft.timeoutMs.trim();
  const timeout = Number(timeoutText);
  if (!/^\d+$/.test(timeoutText) || !Number.isSafeInteger(timeout)) {
    errors.timeoutMs = 'Enter a whole number of milliseconds, e.g. 8000.';
  }
  const limitText = draft.callLimit.trim();
  const limit = limitText === '' ? null : Number(limitText);
  if (limit !== null) {
    const problem = /^\d+$/.test(limitText) ? callLimitProblem(limit) : 'x';
    if (problem) {
      errors.callLimit = `Enter whole seconds from ${CALL_LIMIT_MIN_S} to ${CALL_LIMIT_MAX_S}, or leave it empty for no limit.`;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const next: Account = {
    region: draft.region,
    baseUrl: draft.baseUrl.trim() === '' ? null : draft.baseUrl.trim(),
    mode: draft.mode,
    tokenForm: draft.tokenForm,
    userName: draft.userName.trim(),
    did: draft.did.trim(),
    agentPhoneName: draft.agentPhoneName.trim(),
    agentNumber: draft.agentNumber.trim(),
    output: draft.output,
    timeoutMs: timeout,
    kickNumber: draft.kickNumber,
    campaignName: draft.campaignName.trim(),
    checkStatus: draft.checkStatus,
    callLimit: limit,
  };
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(next) as Array<keyof Account>) {
    if (next[k] !== current[k]) patch[k] = next[k];
  }
  return { ok: true, patch: patch as NonNullable<SettingsPatch['account']> };
}
