import { UnrecoverableError } from 'bullmq';
import { MessageService } from '@klausul/messaging';
import { HandlesJob, type JobContext, type JobData, type JobHandler } from '@klausul/queue';

/**
 * Hand-over: each HR contact of the contract's supplier is welcomed to the matching phase
 * and asked for job descriptions (stillingsbeskrivelser). Composed once, in the job's
 * transaction; each e-mail is then delivered by its own job.
 */
@HandlesJob('send-supplier-welcome')
export class SendSupplierWelcomeHandler implements JobHandler<'send-supplier-welcome'> {
  constructor(private readonly messages: MessageService) {}

  async handle(data: JobData<'send-supplier-welcome'>, { manager }: JobContext): Promise<void> {
    const [contract] = await manager.query(
      `SELECT c.id, c.municipality_id, c.supplier_id, to_char(c.start_date, 'YYYY-MM-DD') AS start_date, s.name AS supplier_name,
              t.title AS tender_title, m.name AS municipality_name
         FROM contract c JOIN supplier s ON s.id = c.supplier_id JOIN tender t ON t.id = c.tender_id JOIN municipality m ON m.id = c.municipality_id
        WHERE c.id = $1`,
      [data.entityId],
    );
    if (!contract) throw new UnrecoverableError(`contract ${data.entityId} does not exist`);
    const contacts: { email: string }[] = await manager.query(
      `SELECT email FROM app_user WHERE supplier_id = $1 AND role = 'supplier_hr' AND active ORDER BY email`,
      [contract.supplier_id],
    );
    await this.messages.compose(
      manager,
      contacts.map(({ email }) => ({
        municipalityId: contract.municipality_id,
        template: 'supplier-welcome' as const,
        recipient: email,
        data: {
          contractId: contract.id,
          supplierName: contract.supplier_name,
          tenderTitle: contract.tender_title,
          municipalityName: contract.municipality_name,
          startDate: contract.start_date,
        },
        related: { type: 'contract', id: contract.id },
      })),
    );
  }
}
