/**
 * One contender in a lock race (`test/integration/lock-race.test.ts`): waits for the start file,
 * tries to take the library's lock, and if it gets it holds it for a while, recording when it
 * held it; either way it prints one JSON line: `{ pid, got, from, to }`.
 *
 * @example
 * node --import tsx test/support/lock-contender.ts /lib /lib/go 300
 */
import { existsSync } from 'node:fs';
import { acquireLock } from '../../electron/core/store/lock';

const [dir, go, holdMs] = process.argv.slice(2) as [string, string, string];
while (!existsSync(go)) await new Promise((resolve) => setTimeout(resolve, 2));
try {
  const lock = await acquireLock(dir, { owner: 'contender' });
  const from = Date.now();
  await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
  const to = Date.now();
  await lock.release();
  console.log(JSON.stringify({ pid: process.pid, got: true, from, to }));
} catch (error) {
  console.log(JSON.stringify({ pid: process.pid, got: false, error: (error as Error).message.slice(0, 80) }));
}
