/**
 * `confbar`: CloudAgent conference call control from the command line (docs/CLI.md).
 * The entry point only: run, flush the output, exit with the run's code.
 */
import { flushProcessStreams, processIo } from './io';
import { runCli } from './run';

const code = await runCli(process.argv.slice(2), processIo());
await flushProcessStreams();
process.exit(code);
