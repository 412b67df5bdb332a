import { AppError, DEFAULT_REMEDY } from '../../shared/errors';
import { normalizeNumber, type Region } from '../../shared/phone';

/**
 * A number typed on the command line, as CloudAgent expects it for the region (a SIP address as typed).
 * Throws InvalidInput (exit 2): a number we can tell is wrong is never sent.
 */
export function numberArg(
  input: string,
  region: Region,
  opts: { sip?: boolean; what?: string } = {},
): string {
  const r = normalizeNumber(input, region, { sip: opts.sip ?? false });
  if (r.ok) return r.value;
  const what = opts.what ? `${opts.what}: ` : '';
  const hint = opts.sip ? '' : ` (region ${region}; use --region or --sip if that is not right)`;
  throw new AppError(
    'InvalidInput',
    `${what}${r.message}${hint}`,
    `${DEFAULT_REMEDY.InvalidNumber} Nothing was sent.`,
  );
}
