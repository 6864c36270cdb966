import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type QueryRunner } from 'typeorm';
import { isDatabaseUnavailable } from '@klausul/database';

export type SendingStart =
  /** This attempt may talk to the relay now; `resend`: an earlier attempt may have reached it already. */
  | { kind: 'go'; resend: boolean }
  /** An earlier attempt began less than the window ago and never finished: wait until `notBefore`. */
  | { kind: 'wait'; notBefore: Date }
  | { kind: 'already-sent' };

/**
 * The committed steps around one e-mail's SMTP conversation, on a connection of its own
 * (the job's transaction stays open, and rolls back, apart from them): "sending" before the
 * conversation, "sent" the moment the relay accepts, so a crash leaves a trace either way.
 * The connection is taken before the conversation, so recording "sent" never waits for a
 * free pool slot. Times are PostgreSQL's, one clock for every worker process.
 */
export class MessageSending {
  constructor(
    private readonly runner: QueryRunner,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Marks the message as being sent unless an earlier attempt began less than `windowMs`
   * ago. Finding an earlier unfinished attempt records the message as possibly sent.
   */
  async begin(messageId: string, windowMs: number): Promise<SendingStart> {
    const [started] = await this.runner.query(
      `UPDATE message SET
              attempts = attempts + 1,
              possibly_sent_at = CASE WHEN sending_started_at IS NULL THEN possibly_sent_at
                                      ELSE coalesce(possibly_sent_at, clock_timestamp()) END,
              sending_started_at = clock_timestamp()
        WHERE id = $1 AND sent_at IS NULL
          AND (sending_started_at IS NULL OR sending_started_at <= clock_timestamp() - make_interval(secs => $2::double precision / 1000))
        RETURNING possibly_sent_at IS NOT NULL AS resend`,
      [messageId, windowMs],
    );
    if (started[0]) return { kind: 'go', resend: Boolean(started[0].resend) };
    const [waiting] = await this.runner.query(
      `UPDATE message SET possibly_sent_at = coalesce(possibly_sent_at, clock_timestamp()),
              last_error = 'possibly sent: an earlier attempt was interrupted during the SMTP conversation; resent with the same Message-ID once it cannot be in flight any more'
        WHERE id = $1 AND sent_at IS NULL AND sending_started_at IS NOT NULL
        RETURNING sending_started_at + make_interval(secs => $2::double precision / 1000) AS not_before`,
      [messageId, windowMs],
    );
    return waiting[0] ? { kind: 'wait', notBefore: new Date(waiting[0].not_before) } : { kind: 'already-sent' };
  }

  /**
   * The relay accepted it. Every millisecond from the relay's acceptance to this commit is
   * one in which a crash duplicates the message, so this commit does not wait for its WAL
   * flush (synchronous_commit off, for this transaction only: ~0.3 instead of ~3 ms). Only
   * a crash of PostgreSQL itself within a fraction of a second could lose the mark; the
   * message then counts as possibly sent and goes out once more, with the same Message-ID.
   */
  async sent(messageId: string, at: Date, providerId: string): Promise<void> {
    const sql = `UPDATE message SET sent_at = $2, provider_id = $3, last_error = NULL, sending_started_at = NULL
                   FROM (SELECT set_config('synchronous_commit', 'off', true)) AS this_commit_only
                  WHERE id = $1`;
    try {
      await this.runner.query(sql, [messageId, at, providerId]);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      // The connection died during the conversation (say PostgreSQL restarted): record the
      // acceptance on a new one, or a retry would send the message again once the window ends.
      await retryWhileUnavailable(() => this.dataSource.query(sql, [messageId, at, providerId]));
    }
  }

  /** The attempt ended without the relay taking the message: the next one may start at once. */
  async refused(messageId: string, error: string): Promise<void> {
    await this.runner.query('UPDATE message SET last_error = left($2, 500), sending_started_at = NULL WHERE id = $1', [messageId, error]);
  }

  /** The attempt ended and the relay may have taken it: the mark stays, so the next attempt waits out the window. */
  async uncertain(messageId: string, error: string): Promise<void> {
    await this.runner.query('UPDATE message SET last_error = left($2, 500) WHERE id = $1', [messageId, error]);
  }
}

@Injectable()
export class MessageSendingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` with the committed steps of one send on a connection held for its whole duration. */
  async withSending<T>(work: (sending: MessageSending) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      return await work(new MessageSending(runner, this.dataSource));
    } finally {
      await runner.release();
    }
  }
}

/** A few tries over about six seconds: long enough for a restart, short against the in-flight window. */
async function retryWhileUnavailable(work: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await work();
      return;
    } catch (error) {
      if (attempt >= 5 || !isDatabaseUnavailable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
    }
  }
}
