import { UnrecoverableError } from 'bullmq';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';

/** The probe's side effect: one row per ping. A probe created with failPermanently fails it for good. */
@HandlesJob('record-probe-effect')
export class RecordProbeEffectHandler implements JobHandler<'record-probe-effect'> {
  async handle(data: JobData<'record-probe-effect'>, { manager }: JobContext): Promise<void> {
    const [probe] = await manager.query('SELECT fail_permanently FROM probe WHERE id = $1', [data.entityId]);
    if (!probe) throw new UnrecoverableError(`probe ${data.entityId} no longer exists`);
    if (probe.fail_permanently) throw new UnrecoverableError('the probe was created to fail permanently');
    await manager.query(
      'INSERT INTO probe_effect (outbox_id, probe_id, municipality_id) VALUES ($1, $2, $3)',
      [data.outboxId, data.entityId, data.municipalityId],
    );
  }
}
