/**
 * What the session journal holds and how one file of it is sealed: a format version, a checksum over the
 * body, and a body that zod checks field by field. A file that fails any of these is not a session.
 * No secret has a field here: the body is the call as the toolbar shows it, plus the account's name.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ACTIONS } from '../../../shared/cloudagent';
import { ERROR_KINDS } from '../../../shared/errors';

/** Raised when the body's shape changes; a newer format is refused, never guessed at. */
export const JOURNAL_FORMAT = 1;

const action = z.enum(ACTIONS);
const time = z.number().int().nonnegative();

const ParticipantSchema = z
  .object({
    id: z.string().min(1).max(64),
    number: z.string().min(1).max(120),
    label: z.string().max(120),
    sip: z.boolean(),
    state: z.enum(['dialing', 'connected', 'failed', 'unknown', 'dropped']),
    /** As CloudAgent last confirmed them. */
    held: z.boolean(),
    muted: z.boolean(),
    /** What the agent last asked for. */
    desiredHeld: z.boolean(),
    desiredMuted: z.boolean(),
    /** The request on its way when this was written (its answer not yet seen). */
    pending: action.nullable(),
    /** A request whose answer was already unknown when this was written (an earlier restart). */
    unanswered: action.nullable(),
    connectedAt: time.nullable(),
    heldSince: time.nullable(),
    lastError: z
      .object({ kind: z.enum(ERROR_KINDS), message: z.string().max(2000), remedy: z.string().max(2000) })
      .strict()
      .nullable(),
  })
  .strict();

export const JournalBodySchema = z
  .object({
    /** Increases with every write of one run, so two files can be ordered. */
    seq: z.number().int().nonnegative(),
    savedAt: time,
    /** The CloudAgent login the call belongs to: `userName@host`, as the keychain names it. */
    account: z.string().min(1).max(400),
    session: z
      .object({
        ucid: z.string().min(1).max(64),
        status: z.enum(['live', 'ended']),
        demo: z.boolean(),
        mode: z.enum(['legacy', 'basic', 'token']),
        startedAt: time,
        /** KICK_CALL with the agent's number (End) was on its way. */
        agentPending: z.boolean(),
        participants: z.array(ParticipantSchema).max(200),
        selectedId: z.string().max(64).nullable(),
      })
      .strict(),
    /** The add field's text, so a number half typed survives too. */
    draft: z.string().max(200),
  })
  .strict();

export type JournalBody = z.infer<typeof JournalBodySchema>;
export type JournalParticipant = z.infer<typeof ParticipantSchema>;
export type JournaledSession = JournalBody['session'];

/** Why a file is not a session, in words for the agent's notice and the log. */
export type Unreadable = { ok: false; why: string };

function checksum(body: string): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

/** The file's text: `{"format":1,"checksum":"sha256:…","body":{…}}` on one line, then a newline. */
export function sealRecord(body: JournalBody): string {
  const text = JSON.stringify(body);
  return `{"format":${JOURNAL_FORMAT},"checksum":"${checksum(text)}","body":${text}}\n`;
}

/** The body of a sealed file, or why it is not one (torn, edited, another format, a field out of shape). */
export function openRecord(text: string): { ok: true; body: JournalBody } | Unreadable {
  if (!text.endsWith('}\n')) return { ok: false, why: 'the file is incomplete (torn by a crash?)' };
  let outer: unknown;
  try {
    outer = JSON.parse(text);
  } catch {
    return { ok: false, why: 'the file is not readable JSON' };
  }
  const envelope = z
    .object({ format: z.number(), checksum: z.string(), body: z.unknown() })
    .strict()
    .safeParse(outer);
  if (!envelope.success) return { ok: false, why: 'the file is not a ConfBar session' };
  const { format, body } = envelope.data;
  if (format !== JOURNAL_FORMAT)
    return { ok: false, why: `the file has format ${format}; this ConfBar reads format ${JOURNAL_FORMAT}` };
  if (checksum(JSON.stringify(body)) !== envelope.data.checksum)
    return { ok: false, why: 'the file was changed after ConfBar wrote it (checksum mismatch)' };
  const parsed = JournalBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, why: 'a field of the file is out of shape' };
  return { ok: true, body: parsed.data };
}
