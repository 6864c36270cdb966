import { Logger } from '@nestjs/common';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';
import { ComplianceDataRepository } from './compliance-data.repository';
import { ComplianceSnapshotService } from './compliance-snapshot.service';

/** Every night (schedule in libs/queue's job-schedules): recounts the compliance of every municipality's contracts for the new day. */
@HandlesJob('recount-compliance')
export class RecountComplianceHandler implements JobHandler<'recount-compliance'> {
  private readonly logger = new Logger(RecountComplianceHandler.name);

  constructor(
    private readonly snapshots: ComplianceSnapshotService,
    private readonly data: ComplianceDataRepository,
  ) {}

  async handle(_data: JobData<'recount-compliance'>, { manager }: JobContext): Promise<void> {
    const municipalities = await this.data.municipalityIds(manager);
    for (const id of municipalities) await this.snapshots.refresh(id);
    this.logger.log({ municipalities: municipalities.length }, 'compliance recounted');
  }
}
