/**
 * Entry of the `yandu` command (`npm run cli -- …`, the package's `bin`). All logic is in
 * `cli/run.ts`; this file only binds it to the process.
 *
 * @example
 * // npm run cli -- search 基层减负 --limit 5 --json
 */
import { runCli } from './cli/run.js';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  readStdin: async () => {
    if (process.stdin.isTTY) return '';
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
});
