import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The state of one rate-limit key after a hit (the shape of @nestjs/throttler's storage records). */
export interface RateLimitState {
  totalHits: number;
  /** Seconds until the current window ends. */
  timeToExpire: number;
  isBlocked: boolean;
  /** Seconds until the block ends; 0 when not blocked. */
  timeToBlockExpire: number;
}

interface WindowRow {
  hits: number;
  time_to_expire: number;
  time_to_block_expire: number | null;
}

/** Expired windows are swept after this many hits of one process. */
const SWEEP_EVERY = 200;

/**
 * Rate-limit counters in PostgreSQL (fixed windows with a block), so a limit holds
 * across every API process behind a load balancer; counters in memory would give each
 * process its own allowance. Keys are digests, never e-mail or IP addresses.
 */
@Injectable()
export class RateLimitRepository {
  private readonly logger = new Logger(RateLimitRepository.name);
  private hits = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts one hit. A running block leaves the window alone; an elapsed window or block
   * starts a new window; the hit that passes the limit starts a block.
   */
  async hit(key: string, windowMs: number, limit: number, blockMs: number): Promise<RateLimitState> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO rate_limit_window AS w (key, hits, window_ends_at, blocked_until)
       VALUES ($1, 1, now() + make_interval(secs => $2::double precision / 1000), NULL)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE
           WHEN w.blocked_until > now() THEN w.hits
           WHEN w.window_ends_at <= now() OR w.blocked_until IS NOT NULL THEN 1
           ELSE w.hits + 1 END,
         window_ends_at = CASE
           WHEN w.blocked_until > now() THEN w.window_ends_at
           WHEN w.window_ends_at <= now() OR w.blocked_until IS NOT NULL THEN EXCLUDED.window_ends_at
           ELSE w.window_ends_at END,
         blocked_until = CASE
           WHEN w.blocked_until > now() THEN w.blocked_until
           WHEN w.window_ends_at > now() AND w.blocked_until IS NULL AND w.hits + 1 > $3
             THEN now() + make_interval(secs => $4::double precision / 1000)
           ELSE NULL END
       RETURNING hits,
         ceil(extract(epoch FROM window_ends_at - now()))::int AS time_to_expire,
         ceil(extract(epoch FROM blocked_until - now()))::int AS time_to_block_expire`,
      [key, windowMs, limit, blockMs],
    )) as WindowRow[];
    if (++this.hits % SWEEP_EVERY === 0) void this.sweep();
    const blocked = row.time_to_block_expire !== null && row.time_to_block_expire > 0;
    return {
      totalHits: row.hits,
      timeToExpire: Math.max(0, row.time_to_expire),
      isBlocked: blocked,
      timeToBlockExpire: blocked ? row.time_to_block_expire! : 0,
    };
  }

  private async sweep(): Promise<void> {
    try {
      await this.dataSource.query(
        `DELETE FROM rate_limit_window
          WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`,
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'could not sweep expired rate-limit windows; will try again');
    }
  }
}
