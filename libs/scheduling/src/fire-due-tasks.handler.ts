import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { OUTBOX_CHANNEL } from '@klausul/outbox';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';

/**
 * Moves every task whose time has come (by the injected clock) into the outbox, in the
 * job's transaction: a task fires once, however many workers run the sweep at once.
 */
@HandlesJob('fire-due-tasks')
export class FireDueTasksHandler implements JobHandler<'fire-due-tasks'> {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async handle(_data: JobData<'fire-due-tasks'>, { manager, now }: JobContext): Promise<void> {
    for (;;) {
      const [{ fired }] = await manager.query(
        `WITH due AS (
           UPDATE scheduled_task SET fired_at = $1
            WHERE id IN (SELECT id FROM scheduled_task
                          WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= $1
                          ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING municipality_id, job_name, queue, entity_id, entity_table, payload, transition_id
         ), queued AS (
           INSERT INTO outbox (municipality_id, job_name, queue, entity_id, entity_table, payload, transition_id)
           SELECT municipality_id, job_name, queue, entity_id, entity_table, payload, transition_id FROM due
           RETURNING id
         )
         SELECT count(*)::int AS fired, CASE WHEN count(*) > 0 THEN pg_notify('${OUTBOX_CHANNEL}', '') END AS notified FROM queued`,
        [now, this.config.outbox.batchSize],
      );
      if (fired < this.config.outbox.batchSize) return;
    }
  }
}
