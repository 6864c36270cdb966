import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queueOf, type JobName } from '@klausul/queue';

export interface ScheduledTask {
  municipalityId: string;
  job: JobName;
  entityId: string;
  entityTable?: string;
  payload?: Record<string, string>;
  dueAt: Date;
  transitionId?: string;
}

/**
 * PostgreSQL holds what is due (deadlines, reminders, milestones); one BullMQ job
 * scheduler fires whatever has come due into the outbox. Nothing waits months inside
 * a queue, and a test moves an injected clock instead of waiting.
 */
@Injectable()
export class TaskScheduler {
  async schedule(manager: EntityManager, tasks: readonly ScheduledTask[]): Promise<void> {
    if (tasks.length === 0) return;
    await manager.query(
      `INSERT INTO scheduled_task (municipality_id, job_name, queue, entity_id, entity_table, payload, due_at, transition_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::jsonb[], $7::timestamptz[], $8::bigint[])`,
      [
        tasks.map((t) => t.municipalityId),
        tasks.map((t) => t.job),
        tasks.map((t) => queueOf(t.job)),
        tasks.map((t) => t.entityId),
        tasks.map((t) => t.entityTable ?? null),
        tasks.map((t) => JSON.stringify(t.payload ?? {})),
        tasks.map((t) => t.dueAt.toISOString()),
        tasks.map((t) => t.transitionId ?? null),
      ],
    );
  }

  /** Cancels the entity's tasks of this job that have not fired yet; returns how many. */
  async cancel(manager: EntityManager, entityId: string, job: JobName): Promise<number> {
    const [, count] = await manager.query(
      `UPDATE scheduled_task SET cancelled_at = now() WHERE entity_id = $1 AND job_name = $2 AND fired_at IS NULL AND cancelled_at IS NULL`,
      [entityId, job],
    );
    return count;
  }
}
