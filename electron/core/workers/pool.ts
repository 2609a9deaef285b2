/**
 * A small pool of worker threads for heavy work (parsing PDFs and pages), so the thread that
 * answers the UI never blocks. Jobs queue until a worker is free; a worker that crashes fails its
 * job with a clear error and is replaced. With `jobTimeoutMs`, a job still running after that
 * long fails too: its worker is terminated (a pathological page cannot hold a core for minutes)
 * and replaced. A TypeScript entry (development, tests) is loaded
 * through tsx; the built app passes its bundled JavaScript entry.
 *
 * @example
 * const pool = createWorkerPool(new URL('./import-worker.ts', import.meta.url), 2);
 * const result = await pool.run({ fileName: 'a.pdf', bytes }, [bytes.buffer]);
 * await pool.close();
 */
import { unwrap, type Envelope } from '../../shared/rpc.js';
import { Worker } from 'node:worker_threads';
import { stoppedWhileWorking, timedOut } from './failures.js';

export interface WorkerPool {
  run<T>(message: Record<string, unknown>, transfer?: ArrayBuffer[]): Promise<T>;
  close(): Promise<void>;
}

interface Job {
  message: Record<string, unknown>;
  transfer: ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** Terminated on purpose: its exit is not a crash to report again. */
  stopped?: boolean;
}

/** Heap ceiling of each worker: a huge or hostile file fails its import instead of taking the machine. */
export const WORKER_HEAP_MB = Number(process.env.YANDU_WORKER_HEAP_MB ?? 384);

export function createWorkerPool(entry: URL, size: number, options: { heapMB?: number; jobTimeoutMs?: number } = {}): WorkerPool {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let closed = false;
  // A TypeScript entry is loaded through tsx, registered inside the worker itself.
  const viaTsx = entry.pathname.endsWith('.ts');
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;

  const spawn = (): Slot => {
    const resourceLimits = { maxOldGenerationSizeMb: options.heapMB ?? WORKER_HEAP_MB };
    const slot: Slot = { worker: viaTsx ? new Worker(bootstrap, { eval: true, resourceLimits }) : new Worker(entry, { resourceLimits }) };
    slot.worker.unref();
    slot.worker.on('message', (reply: Envelope) => {
      const job = slot.job;
      slot.job = undefined;
      clearTimeout(slot.timer);
      if (job) {
        try {
          job.resolve(unwrap(reply, 'worker'));
        } catch (error) {
          job.reject(error as Error);
        }
      }
      next(slot);
    });
    const fail = (error: Error): void => {
      if (slot.stopped && !slot.job) return;
      const job = slot.job;
      slot.job = undefined;
      clearTimeout(slot.timer);
      job?.reject(stoppedWhileWorking(error.message));
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      if (!closed && queue.length) next(addSlot());
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (code !== 0 && !closed) fail(new Error(`exit code ${code}`));
    });
    return slot;
  };
  const addSlot = (): Slot => {
    const slot = spawn();
    slots.push(slot);
    return slot;
  };
  const next = (slot: Slot): void => {
    const job = queue.shift();
    if (!job) {
      slot.worker.unref();
      return;
    }
    slot.job = job;
    slot.worker.ref();
    slot.worker.postMessage(job.message, job.transfer);
    if (options.jobTimeoutMs) {
      slot.timer = setTimeout(() => {
        if (slot.job !== job) return;
        slot.job = undefined;
        slot.stopped = true;
        job.reject(timedOut(options.jobTimeoutMs!));
        const i = slots.indexOf(slot);
        if (i >= 0) slots.splice(i, 1);
        void slot.worker.terminate();
        if (!closed && queue.length) next(addSlot());
      }, options.jobTimeoutMs);
    }
  };

  return {
    run<T>(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<T> {
      if (closed) return Promise.reject(new Error('worker: the pool is closed.'));
      return new Promise<T>((resolve, reject) => {
        queue.push({ message, transfer, resolve: resolve as (v: unknown) => void, reject });
        const idle = slots.find((s) => !s.job);
        if (idle) next(idle);
        else if (slots.length < size) next(addSlot());
      });
    },
    async close() {
      closed = true;
      for (const slot of slots) clearTimeout(slot.timer);
      for (const job of queue.splice(0)) job.reject(new Error('worker: the pool was closed.'));
      // Jobs under way end too: their workers are stopped, and would never answer.
      for (const slot of slots) {
        slot.job?.reject(new Error('worker: the pool was closed.'));
        slot.job = undefined;
      }
      await Promise.all(slots.map((s) => s.worker.terminate()));
      slots.length = 0;
    },
  };
}
