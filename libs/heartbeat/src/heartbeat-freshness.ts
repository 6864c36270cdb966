/** What readiness says about the workers, from the last heartbeat any of them recorded. */
export type WorkerFreshness =
  | { status: 'up'; lastBeatAt: string; ageMs: number }
  | { status: 'stale'; lastBeatAt: string; ageMs: number; staleAfterMs: number }
  /** No worker has beaten yet: the API may start before any worker, so this alone is not degraded. */
  | { status: 'unknown' };

export function workerFreshness(lastBeatAt: Date | null, now: Date, staleAfterMs: number): WorkerFreshness {
  if (!lastBeatAt) return { status: 'unknown' };
  const ageMs = Math.max(0, now.getTime() - lastBeatAt.getTime());
  const at = lastBeatAt.toISOString();
  return ageMs > staleAfterMs ? { status: 'stale', lastBeatAt: at, ageMs, staleAfterMs } : { status: 'up', lastBeatAt: at, ageMs };
}
