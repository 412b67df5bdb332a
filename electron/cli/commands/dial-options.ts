import { callLimitProblem, uuiProblem } from '../../../shared/phone-line';
import type { ManualDialRequest } from '../../core/cloudagent/types';
import { usageError, type OptionValues } from '../args';
import type { CliContext } from '../context';

/**
 * Phone Manual Dial's options for `dial`: the saved settings (with the admin policy) and the command line
 * laid over them. A value the admin locked cannot be changed from the command line, like in the app.
 * Throws InvalidInput (exit 2, nothing sent) for a bad or locked value.
 */
export function dialOptions(
  ctx: Pick<CliContext, 'account' | 'locked'>,
  v: OptionValues,
): Pick<ManualDialRequest, 'checkStatus' | 'callLimit' | 'uui'> {
  if (v['check-status'] && v['no-check-status']) {
    throw usageError('Give --check-status or --no-check-status, not both; nothing was sent.');
  }
  let checkStatus = ctx.account.checkStatus;
  if (v['check-status'] || v['no-check-status']) {
    const wanted = Boolean(v['check-status']);
    if (wanted !== checkStatus && ctx.locked.includes('account.checkStatus')) {
      throw usageError(
        `Your administrator set "Check status first" to ${checkStatus ? 'on' : 'off'}; --${wanted ? '' : 'no-'}check-status cannot change it. Nothing was sent.`,
        'Ask IT to change the policy, or leave the option out.',
      );
    }
    checkStatus = wanted;
  }
  let callLimit = ctx.account.callLimit ?? undefined;
  const limitText = v['call-limit'];
  if (limitText !== undefined) {
    const seconds = /^\s*\d+\s*$/.test(limitText) ? Number(limitText) : NaN;
    const problem = callLimitProblem(seconds);
    if (problem) throw usageError(`--call-limit: ${problem}`, 'Give whole seconds, e.g. --call-limit 600.');
    if (seconds !== callLimit && ctx.locked.includes('account.callLimit')) {
      throw usageError(
        `Your administrator set the call limit to ${callLimit === undefined ? 'none' : `${callLimit} seconds`}; --call-limit cannot change it. Nothing was sent.`,
        'Ask IT to change the policy, or leave the option out.',
      );
    }
    callLimit = seconds;
  }
  const uui = v.uui?.trim();
  if (uui !== undefined && uui !== '') {
    const problem = uuiProblem(uui);
    if (problem) throw usageError(`--uui: ${problem}`, 'Shorten the reference or drop the other characters.');
  }
  return {
    checkStatus,
    ...(callLimit !== undefined ? { callLimit } : {}),
    ...(uui ? { uui } : {}),
  };
}
