/**
 * One worker in a child process, for work whose native module cannot be loaded twice in one
 * process (ONNX Runtime's Node binding cannot: a second worker thread that loads it fails with
 * "Module did not self-register"). A child process loads it afresh each time, and gives all its
 * memory back when it ends. Jobs run one at a time, with the wire's envelope (`rpc.ts`); a job
 * still running after `jobTimeoutMs` fails and its process is killed; a crash fails the job under
 * way; the next job starts a new process. In the desktop app the child is Electron's own binary
 * run as Node (`ELECTRON_RUN_AS_NODE`); a TypeScript entry (development, tests) runs through tsx.
 *
 * @example
 * const child = createChildWorker(new URL('./ocr-worker.js', import.meta.url), { jobTimeoutMs: 300_000 });
 * const page = await child.run({ op: 'page', path, n: 1 });
 * await child.close();
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { unwrap, type Envelope } from '../../shared/rpc.js';
import { stoppedWhileWorking, timedOut } from './failures.js';

export interface ChildWorker {
  run<T>(message: Record<string, unknown>): Promise<T>;
  /** Ends the process (a job under way fails). */
  stop(): Promise<void>;
  /** Ends the process; no job runs after. */
  close(): Promise<void>;
}

interface Job {
  message: Record<string, unknown>;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export function createChildWorker(entry: URL, options: { jobTimeoutMs?: number; heapMB?: number } = {}): ChildWorker {
  const queue: Job[] = [];
  let child: ChildProcess | undefined;
  let current: Job | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const finish = (job: Job | undefined, outcome: { value?: unknown; error?: Error }): void => {
    clearTimeout(timer);
    current = undefined;
    if (outcome.error) job?.reject(outcome.error);
    else job?.resolve(outcome.value);
  };

  const spawn = (): ChildProcess => {
    const path = fileURLToPath(entry);
    const viaTsx = path.endsWith('.ts');
    const heap = `--max-old-space-size=${options.heapMB ?? 1024}`;
    const proc = fork(path, [], {
      execArgv: viaTsx ? [heap, '--import', 'tsx'] : [heap],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    proc.on('message', (reply: Envelope) => {
      const job = current;
      try {
        finish(job, { value: unwrap(reply, 'worker') });
      } catch (error) {
        finish(job, { error: error as Error });
      }
      next();
    });
    proc.on('exit', (code, signal) => {
      if (child === proc) child = undefined;
      if (current && !closed) finish(current, { error: stoppedWhileWorking(signal ?? `exit code ${code}`) });
      next();
    });
    proc.on('error', () => undefined); // 'exit' follows
    return proc;
  };

  const next = (): void => {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) return;
    current = job;
    child ??= spawn();
    const proc = child;
    proc.send(job.message);
    if (options.jobTimeoutMs) {
      timer = setTimeout(() => {
        if (current !== job) return;
        finish(job, { error: timedOut(options.jobTimeoutMs!) });
        proc.kill('SIGKILL');
      }, options.jobTimeoutMs);
    }
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (current) finish(current, { error: new Error('worker: stopped.') });
    if (!proc || proc.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
  };

  return {
    run<T>(message: Record<string, unknown>): Promise<T> {
      if (closed) return Promise.reject(new Error('worker: it is closed.'));
      return new Promise<T>((resolve, reject) => {
        queue.push({ message, resolve: resolve as (v: unknown) => void, reject });
        next();
      });
    },
    stop,
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('worker: it is closed.'));
      await stop();
    },
  };
}
