import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';

/**
 * The first-hire milestone (scheduled by hand-over at the contract's first-hire deadline):
 * with no placement starting by then, the unit gets an alert on the contract. Idempotent:
 * an alert is recorded once per contract.
 */
@HandlesJob('check-first-hire')
export class CheckFirstHireHandler implements JobHandler<'check-first-hire'> {
  private readonly logger = new Logger(CheckFirstHireHandler.name);

  async handle(data: JobData<'check-first-hire'>, { manager, now }: JobContext): Promise<void> {
    const [contract] = await manager.query(
      `SELECT c.id, c.first_hire_due_on::text AS due, s.name AS supplier_name, t.title AS tender_title,
              EXISTS (SELECT 1 FROM placement p WHERE p.contract_id = c.id AND p.start_date <= c.first_hire_due_on) AS hired
         FROM contract c JOIN supplier s ON s.id = c.supplier_id JOIN tender t ON t.id = c.tender_id
        WHERE c.id = $1 AND c.municipality_id = $2`,
      [data.entityId, data.municipalityId],
    );
    if (!contract) throw new UnrecoverableError(`contract ${data.entityId} does not exist`);
    if (contract.hired || !contract.due) return;
    await manager.query(
      `INSERT INTO contract_alert (municipality_id, contract_id, kind, message, due_on, created_at)
       VALUES ($1, $2, 'no_first_hire', $3, $4, $5) ON CONFLICT ON CONSTRAINT contract_alert_once DO NOTHING`,
      [
        data.municipalityId,
        contract.id,
        `No hire under the clause by ${contract.due}: ${contract.supplier_name}, contract in "${contract.tender_title}". Follow up with the supplier.`,
        contract.due,
        now,
      ],
    );
    this.logger.log({ contractId: contract.id, dueOn: contract.due }, 'no first hire by the milestone: alert recorded');
  }
}
