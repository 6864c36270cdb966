import pino from 'pino';
import { EmbeddedPostgresSupervisor } from './embedded-postgres.supervisor';

const silent = pino({ level: 'silent' });
const until = async (condition: () => boolean, timeoutMs = 3_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('EmbeddedPostgresSupervisor (#12.7)', () => {
  it('restarts a server that died, retrying with backoff until it starts', async () => {
    let dead = true;
    const attempts: number[] = [];
    const supervisor = new EmbeddedPostgresSupervisor(
      {
        died: async () => dead,
        restart: async () => {
          attempts.push(Date.now());
          if (attempts.length < 3) throw new Error('shared memory still in use');
          dead = false;
        },
      },
      silent,
      { checkEveryMs: 10, firstRestartDelayMs: 20, onGiveUp: () => undefined },
    );
    supervisor.start();
    await until(() => !dead);
    await supervisor.stop();
    expect(attempts).toHaveLength(3);
    expect(attempts[2] - attempts[1]).toBeGreaterThanOrEqual(attempts[1] - attempts[0]); // backing off
  });

  it('gives up after the last attempt, so the process can exit for its process manager', async () => {
    const gaveUp: Error[] = [];
    const supervisor = new EmbeddedPostgresSupervisor(
      { died: async () => true, restart: async () => Promise.reject(new Error('disk full')) },
      silent,
      { checkEveryMs: 10, firstRestartDelayMs: 5, maxAttempts: 3, onGiveUp: (error) => gaveUp.push(error) },
    );
    supervisor.start();
    await until(() => gaveUp.length > 0);
    await supervisor.stop();
    expect(gaveUp[0].message).toBe('disk full');
  });

  it('leaves a server alone that is running or was shut down cleanly', async () => {
    let restarts = 0;
    const supervisor = new EmbeddedPostgresSupervisor(
      { died: async () => false, restart: async () => void (restarts += 1) },
      silent,
      { checkEveryMs: 5, firstRestartDelayMs: 5 },
    );
    supervisor.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await supervisor.stop();
    expect(restarts).toBe(0);
  });
});
