/**
 * How a job fails when its worker (thread or process) does: the same words from the pool of
 * import threads and from the OCR process.
 *
 * @example
 * job.reject(timedOut(120_000)); // "worker: reading it took longer than 120 s, so it was stopped; …"
 */
export const timedOut = (ms: number): Error => {
  const seconds = Math.round(ms / 1000);
  return new Error(`worker: reading it took longer than ${seconds} s, so it was stopped; the file may be damaged or unusually complex. / 处理超过 ${seconds} 秒，已停止。`);
};

export const stoppedWhileWorking = (reason: string): Error => new Error(`worker: it stopped while working (${reason}); the file may be too large or damaged.`);
