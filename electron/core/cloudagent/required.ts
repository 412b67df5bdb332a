import { AppError } from '../../../shared/errors';
import type { ApiMode } from '../../../shared/cloudagent';

/** Settings a request cannot go without; the CLI maps each to its option (see electron/cli/context.ts). */
export type RequiredSetting = 'userName' | 'did' | 'agentPhoneName' | 'agentNumber' | 'ucid';

/** As the Settings screen labels them. */
export const SETTING_LABELS: Record<RequiredSetting, string> = {
  userName: 'User name',
  did: 'DID',
  agentPhoneName: 'Agent phone name',
  agentNumber: 'Agent number',
  ucid: 'ucid',
};

export type RequestPurpose = 'call control' | 'Phone Manual Dial' | 'token generation' | 'Release my phone';

/** InvalidInput for an empty mandatory field, carrying which one so a front end can name its own control. */
export class MissingSettingError extends AppError {
  readonly setting: RequiredSetting;
  readonly purpose: RequestPurpose;
  constructor(setting: RequiredSetting, purpose: RequestPurpose) {
    const label = SETTING_LABELS[setting];
    const where = setting === 'ucid' ? 'the call’s ucid' : `Settings → Account → ${label}`;
    super(
      'InvalidInput',
      `${label} is empty, and ${purpose} needs it; nothing was sent.`,
      setting === 'ucid' ? 'Paste or type the ucid of the live call.' : `Fill in ${where}.`,
    );
    this.setting = setting;
    this.purpose = purpose;
  }
}

/** The account fields each request needs in each mode (CloudAgent's reference marks them mandatory). */
export function requiredSettings(mode: ApiMode, purpose: RequestPurpose): RequiredSetting[] {
  switch (purpose) {
    case 'call control':
      return mode === 'legacy' ? ['did', 'agentPhoneName'] : ['userName', 'did', 'agentPhoneName'];
    case 'Phone Manual Dial':
      return ['userName', 'did', 'agentPhoneName'];
    case 'token generation':
      return ['userName'];
    case 'Release my phone':
      return ['userName', 'agentPhoneName'];
  }
}

/** Throws MissingSettingError for the first empty field `purpose` needs; nothing is sent with one. */
export function checkRequired(
  values: { mode: ApiMode } & Partial<Record<RequiredSetting, string>>,
  purpose: RequestPurpose,
): void {
  for (const setting of requiredSettings(values.mode, purpose)) {
    if ((values[setting] ?? '').trim() === '') throw new MissingSettingError(setting, purpose);
  }
}
