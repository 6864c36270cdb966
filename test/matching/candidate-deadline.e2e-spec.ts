import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { ManualClock } from '@klausul/domain';
import { LinkBuilder } from '@klausul/links';
import { MailSender } from '@klausul/messaging';
import { QueueName } from '@klausul/queue';
import { createApiApplication } from '@klausul/runtime';
import { ContractsFactory, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, testRuntime } from '../support/test-runtime';

describe('the candidate deadline: 10 working days, a reminder two days before, an alert at the deadline', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  // Monday 23 March 2026, 10:00 in Copenhagen: Easter (2-6 April) falls inside the ten working days.
  const clock = new ManualClock(new Date('2026-03-23T09:00:00Z'));
  let unit: Unit;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = { ...testRuntime(db.url, 'postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' }), clock };
    app = await createApiApplication(runtime);
    await app.init();
    const factory = new ContractsFactory(app);
    unit = await factory.unit();
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  /** What the job scheduler does every minute: fire what is due by the (injected) clock. */
  const sweep = async () => {
    const job = await app.get<Queue>(getQueueToken(QueueName.System)).add('fire-due-tasks', {});
    await eventually(async () => ((await job.isCompleted()) ? true : undefined));
  };
  const mailsTo = (address: string) => app.get(MailSender).catcher!.received.filter((m) => m.to.includes(address));

  it('reminds the jobcenter and alerts the employment caseworker when too few candidates came', async () => {
    const factory = new ContractsFactory(app);
    const { tender, suppliers } = await factory.tenderAt(unit, 'handed_over');
    const [{ id: contractId }] = await factory.identity.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    const hr = await factory.supplierHr(unit.municipalityId, suppliers[0].id);
    await http().post('/api/v1/jobcenter-channels').set(bearer(unit.admin.token)).send({ kind: 'email', name: 'JC', address: 'jc@jobcenter.example.dk' }).expect(201);
    const order = (await http().post(`/api/v1/contracts/${contractId}/job-orders`).set(bearer(hr.token)).send(jobOrderBody({ positions: 3 })).expect(201)).body;
    await http().post(`/api/v1/job-orders/${order.id}/submit`).set(bearer(hr.token)).send({}).expect(200);
    const forwarded = await http().post(`/api/v1/job-orders/${order.id}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
    expect(forwarded.body.candidatesDueOn).toBe('2026-04-09');
    await http().post(`/api/v1/job-orders/${order.id}/candidates`).set(bearer(unit.jobcenter.token)).send(candidateBody(1)).expect(201);

    // Nothing before the reminder time: Tuesday 7 April 07:59 Copenhagen.
    clock.set(new Date('2026-04-07T05:59:00Z'));
    await sweep();
    expect(mailsTo('jc@jobcenter.example.dk').filter((m) => m.subject.startsWith('Påmindelse'))).toHaveLength(0);

    clock.set(new Date('2026-04-07T06:01:00Z'));
    await sweep();
    const reminder = await eventually(async () => mailsTo('jc@jobcenter.example.dk').find((m) => m.subject.startsWith('Påmindelse')));
    expect(reminder.text).toContain('1 kandidat til 3 stillinger');
    expect(reminder.text).toContain(app.get(LinkBuilder).jobcenterJobOrder(order.id));

    clock.set(new Date('2026-04-09T14:01:00Z'));
    await sweep();
    const alert = await eventually(async () => mailsTo(unit.employment.user.email).find((m) => m.subject.startsWith('Frist overskredet')));
    expect(alert.subject).toContain('1 af 3');
    expect(alert.text).toContain(app.get(LinkBuilder).unit());
    // Fired once: another sweep sends nothing more.
    await sweep();
    expect(mailsTo('jc@jobcenter.example.dk').filter((m) => m.subject.startsWith('Påmindelse'))).toHaveLength(1);
  });
});
