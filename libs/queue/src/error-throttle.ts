/**
 * A backend outage makes BullMQ report the same connection error many times a second;
 * this lets the first through, then at most one per interval with a count of the rest.
 */
export class ErrorThrottle {
  private lastReportAt = 0;
  private suppressed = 0;

  constructor(private readonly intervalMs = 30_000, private readonly now: () => number = Date.now) {}

  /** Returns how many were suppressed since the last report, or null to stay silent now. */
  admit(): number | null {
    const now = this.now();
    if (now - this.lastReportAt < this.intervalMs) {
      this.suppressed += 1;
      return null;
    }
    const suppressed = this.suppressed;
    this.lastReportAt = now;
    this.suppressed = 0;
    return suppressed;
  }
}
