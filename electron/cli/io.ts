/** What the CLI touches of its process: injectable so the dispatcher can run in-process in tests. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout(line: string): void;
  stderr(line: string): void;
  /** The first line of standard input (without the line break); '' at end of input. */
  readStdinLine(): Promise<string>;
}

/** The real process's streams. */
export function processIo(): CliIo {
  return {
    env: process.env,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    readStdinLine: () => readFirstLine(process.stdin),
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

/** Resolves once everything written to stdout and stderr has been handed to the OS (before exiting). */
export function flushProcessStreams(): Promise<void> {
  const drained = (s: NodeJS.WriteStream) => new Promise<void>((resolve) => s.write('', () => resolve()));
  return Promise.all([drained(process.stdout), drained(process.stderr)]).then(() => undefined);
}
