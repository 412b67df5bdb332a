import path from 'node:path';
import { describeParticipant, readJournalStatus, whoIs } from '../../core/session/status';
import { EXIT } from '../exit-codes';
import { appSettingsDir } from '../settings-location';
import type { CommandSpec } from './types';

const clock = (at: number) => new Date(at).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';

/** `confbar status`: the app's session journal, read only. No settings, keychain or network. */
export const status: CommandSpec = {
  name: 'status',
  action: 'STATUS',
  summary: "Show the call the app's session journal holds (who is held or muted); read only.",
  usage: 'status',
  description: [
    'Reads the session journal of the ConfBar app on this computer (session/session.json in its data folder),',
    'so IT or a script can see the call when the app is not running: the ucid, the account, each participant',
    'and whether they are held or muted as CloudAgent last confirmed, and any request whose answer was not seen.',
    'Nothing is sent, changed or set aside; no secret is in the file. Exit 0: a live call is journaled;',
    '1: no call is journaled; 3: the journal cannot be read (torn or changed).',
  ],
  arguments: [],
  options: [],
  positionals: { min: 0, max: 0 },
  examples: ['confbar status', 'confbar status --json | jq .held'],
  async run({ io }) {
    const dir = path.join(appSettingsDir(io.env), 'session');
    const found = await readJournalStatus(dir);
    if (found.kind === 'none')
      return {
        action: 'STATUS',
        status: 'NoCall',
        message: 'No call is journaled: the app has no live call (or is not running one).',
        ucid: null,
        lines: ['No call is journaled.'],
        notes: [`Looked in ${found.file}.`],
        extra: { file: found.file, call: null },
        exitCode: EXIT.refused,
      };
    if (found.kind === 'unreadable')
      return {
        action: 'STATUS',
        status: 'Unreadable',
        message: `The session journal cannot be read: ${found.why}.`,
        ucid: null,
        lines: [`The session journal cannot be read: ${found.why}.`],
        notes: [`File: ${found.file}. The app sets it aside (kept) when it next starts.`],
        extra: { file: found.file, call: null },
        exitCode: EXIT.noAnswer,
      };
    const { body } = found;
    const s = body.session;
    const who = whoIs(body);
    return {
      action: 'STATUS',
      status: s.status === 'live' ? 'Live' : 'Ended',
      message: `Call ${s.ucid}: ${s.participants.length} participant(s), ${who.held.length} held, ${who.muted.length} muted.`,
      ucid: s.ucid,
      lines: [
        `Call ${s.ucid} (${s.status}${s.demo ? ', demo' : ''}), account ${body.account}, ${s.mode} mode`,
        `  started ${clock(s.startedAt)}, saved ${clock(body.savedAt)}`,
        ...s.participants.map((p, i) => `  ${i + 1}. ${describeParticipant(p)}`),
      ],
      notes: [`Read from ${found.file} (read only).`],
      extra: {
        file: found.file,
        account: body.account,
        mode: s.mode,
        demo: s.demo,
        live: s.status === 'live',
        startedAt: new Date(s.startedAt).toISOString(),
        savedAt: new Date(body.savedAt).toISOString(),
        held: who.held,
        muted: who.muted,
        participants: s.participants.map((p) => ({
          number: p.number,
          label: p.label,
          sip: p.sip,
          state: p.state,
          held: p.held,
          muted: p.muted,
          unanswered: p.pending ?? p.unanswered,
        })),
      },
      exitCode: s.status === 'live' ? EXIT.ok : EXIT.refused,
    };
  },
};
