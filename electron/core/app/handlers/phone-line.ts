import { AppError } from '../../../../shared/errors';
import { releasedWords } from '../../../../shared/phone-line';
import type { HandlerTable } from '../../ipc/dispatch';
import type { Logger } from '../../log';
import type { AccountContext } from '../account-context';

type PhoneLineHandlers = Pick<HandlerTable, 'releasePhone'>;

/**
 * "Release my phone" (ReleaseFwpNumber). It changes CloudAgent's state and may disconnect a call, so it is
 * sent once per confirmed press: never replayed, never journaled for a retry, and a second press while
 * one is under way is refused rather than queued.
 */
export function phoneLineHandlers(deps: { account: AccountContext; log: Logger }): PhoneLineHandlers {
  let underWay = false;
  return {
    releasePhone: async () => {
      if (underWay) throw new AppError('Busy', 'A release of your phone is already under way.');
      underWay = true;
      try {
        const r = await deps.account.client().releasePhone();
        deps.log.info('phone released', { phoneName: r.phoneName, released: r.numbers.length });
        return { phoneName: r.phoneName, numbers: r.numbers, message: releasedWords(r.numbers) };
      } finally {
        underWay = false;
      }
    },
  };
}
