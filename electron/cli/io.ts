import type { LookupFunction } from 'node:net';
import { AppError } from '../../shared/errors';
import type { Vault } from '../core/vault/types';

/** What the CLI touches of its process: injectable so the dispatcher can run in-process in tests. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout(line: string): void;
  stderr(line: string): void;
  /** The first line of standard input (without the line break); '' at end of input. Not echoed on a terminal. */
  readStdinLine(): Promise<string>;
  /** Opens the OS keychain; absent = the real one through keytar. Tests pass one of their own. */
  openVault?: () => Vault;
  /** Resolves host names; absent = DNS. Tests resolve their own names in-process. */
  lookup?: LookupFunction;
}

/** The real process's streams. */
export function processIo(): CliIo {
  return {
    env: process.env,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    readStdinLine: () => (process.stdin.isTTY ? readHiddenLine(process.stdin) : readFirstLine(process.stdin)),
  };
}

const MAX_STDIN_BYTES = 64 * 1024;

function readFirstLine(stream: NodeJS.ReadStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = () => {
      stream.off('data', onData);
      stream.off('end', finish);
      stream.off('error', onError);
      stream.pause();
      resolve(text.split(/\r?\n/, 1)[0] ?? '');
    };
    const onData = (chunk: Buffer | string) => {
      text += String(chunk);
      if (/\r?\n/.test(text) || text.length > MAX_STDIN_BYTES) finish();
    };
    const onError = (e: Error) => reject(e);
    stream.setEncoding('utf8');
    stream.on('data', onData);
    stream.once('end', finish);
    stream.once('error', onError);
  });
}

/** A line typed or pasted at a terminal, without echoing it (raw mode); Ctrl+C cancels. */
function readHiddenLine(tty: NodeJS.ReadStream): Promise<string> {
  process.stderr.write('API key (input hidden, then Enter): ');
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (error?: Error) => {
      tty.off('data', onData);
      tty.setRawMode(false);
      tty.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003') return done(new AppError('InvalidInput', 'Cancelled; nothing was stored.'));
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
        else if (ch >= ' ') text += ch;
      }
    };
    tty.setEncoding('utf8');
    tty.setRawMode(true);
    tty.on('data', onData);
    tty.resume();
  });
}

/** Resolves once everything written to stdout and stderr has been handed to the OS (before exiting). */
export function flushProcessStreams(): Promise<void> {
  const drained = (s: NodeJS.WriteStream) => new Promise<void>((resolve) => s.write('', () => resolve()));
  return Promise.all([drained(process.stdout), drained(process.stderr)]).then(() => undefined);
}
