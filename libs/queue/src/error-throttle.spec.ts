import { ErrorThrottle } from './error-throttle';

describe('ErrorThrottle', () => {
  it('reports the first error, stays quiet within the interval, then reports how many it held back', () => {
    let now = 1_000_000;
    const throttle = new ErrorThrottle(30_000, () => now);

    expect(throttle.admit()).toBe(0);
    now += 1_000;
    expect(throttle.admit()).toBeNull();
    expect(throttle.admit()).toBeNull();
    now += 30_000;
    expect(throttle.admit()).toBe(2);
    expect(throttle.admit()).toBeNull();
  });
});
