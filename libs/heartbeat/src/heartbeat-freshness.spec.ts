import { workerFreshness } from './heartbeat-freshness';

describe('workerFreshness', () => {
  const now = new Date('2026-11-02T08:00:00Z');

  it('is up while the last beat is within the limit', () => {
    expect(workerFreshness(new Date('2026-11-02T07:58:00Z'), now, 180_000)).toEqual({
      status: 'up',
      lastBeatAt: '2026-11-02T07:58:00.000Z',
      ageMs: 120_000,
    });
  });

  it('is stale once the last beat is older than the limit (#12.8)', () => {
    expect(workerFreshness(new Date('2026-11-02T07:56:59Z'), now, 180_000)).toMatchObject({ status: 'stale', ageMs: 181_000, staleAfterMs: 180_000 });
  });

  it('is unknown when no worker has beaten yet', () => {
    expect(workerFreshness(null, now, 180_000)).toEqual({ status: 'unknown' });
  });

  it('treats a beat from a clock slightly ahead as fresh', () => {
    expect(workerFreshness(new Date('2026-11-02T08:00:01Z'), now, 180_000)).toMatchObject({ status: 'up', ageMs: 0 });
  });
});
