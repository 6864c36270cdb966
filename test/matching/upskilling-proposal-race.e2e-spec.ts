import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { migrations } from '@klausul/migrations';
import { ContractsFactory, type Unit } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';

/** #11.12: one upskilling participant is one candidate on a job order, however many proposals arrive at once. */
describe('proposing an upskilling participant concurrently', () => {
  let app: INestApplication;
  let factory: ContractsFactory;
  let unit: Unit;
  let jobOrder: string;
  let programme: string;
  const http = () => request(app.getHttpServer());

  const api = useTestApi('postgres', { RUN_WORKER: 'false', DATABASE_POOL_SIZE: '25' });

  beforeAll(async () => {
    app = api.app;
    factory = new ContractsFactory(app);
    unit = await factory.unit();
    const { tender, suppliers } = await factory.tenderAt(unit, 'handed_over');
    const [{ id: contract }] = await factory.identity.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    const hr = await factory.supplierHr(unit.municipalityId, suppliers[0].id);
    jobOrder = (await http().post(`/api/v1/contracts/${contract}/job-orders`).set(bearer(hr.token)).send(jobOrderBody()).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${jobOrder}/submit`).set(bearer(hr.token)).send({}).expect(200);
    await http().post(`/api/v1/job-orders/${jobOrder}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
    programme = (await http().post('/api/v1/upskilling/programmes').set(bearer(unit.employment.token)).send({ name: 'OPI', capacity: 15, maxDurationMonths: 18 }).expect(201)).body.id;
  });

  const completedParticipant = async (name: string) => {
    const { id } = (await http().post(`/api/v1/upskilling/programmes/${programme}/participants`).set(bearer(unit.employment.token)).send({ name, startDate: '2025-01-06' }).expect(201)).body;
    await http().post(`/api/v1/upskilling/participants/${id}/complete`).set(bearer(unit.employment.token)).send({ endDate: '2025-06-30', outcome: 'practicum' }).expect(200);
    return id as string;
  };
  const propose = (participant: string, i: number) => {
    const { name: _name, ...fields } = candidateBody(i);
    return http().post(`/api/v1/upskilling/participants/${participant}/propose`).set(bearer(unit.employment.token)).send({ ...fields, jobOrderId: jobOrder });
  };
  const written = async (participant: string) =>
    (
      await factory.identity.query<{ candidates: number; creations: number; files: number }>(
        `WITH c AS (SELECT id FROM candidate WHERE upskilling_participant_id = $1)
         SELECT (SELECT count(*)::int FROM c) AS candidates,
                (SELECT count(*)::int FROM workflow_transition t JOIN c ON c.id = t.entity_id WHERE t.workflow = 'candidate' AND t.event = 'create') AS creations,
                (SELECT count(*)::int FROM stored_file) AS files`,
        [participant],
      )
    )[0];

  it('#11.12: ten concurrent proposals of one participant onto one job order: one candidate, nine 409', async () => {
    const participant = await completedParticipant('Deltager Samtidig');
    const { files } = await written(participant);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => propose(participant, i)));
    expect(answers.map((res) => res.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    for (const res of answers.filter((r) => r.status === 409)) {
      expect(res.body).toMatchObject({ code: 'CONFLICT', message: 'the participant is already a candidate on this job order' });
    }
    // One candidate, one creation in its history, one CV stored: the refused nine left nothing.
    expect(await written(participant)).toEqual({ candidates: 1, creations: 1, files: files + 1 });
  });

  it('#11.12: the database refuses a second open candidacy even past the service', async () => {
    const participant = await completedParticipant('Deltager Indeks');
    await propose(participant, 20).expect(201);
    await expect(
      factory.identity.query(
        `INSERT INTO candidate (municipality_id, job_order_id, supplier_id, state, target_group, available_weekly_hours, consent_given_on, consent_scope, upskilling_participant_id)
         SELECT municipality_id, job_order_id, supplier_id, 'proposed', target_group, available_weekly_hours, consent_given_on, consent_scope, upskilling_participant_id
           FROM candidate WHERE upskilling_participant_id = $1`,
        [participant],
      ),
    ).rejects.toThrow(/candidate_upskilling_participant_once/);
  });

  it('lets a participant be proposed again once the earlier candidacy was withdrawn', async () => {
    const participant = await completedParticipant('Deltager Igen');
    const first = (await propose(participant, 30).expect(201)).body;
    await http().post(`/api/v1/candidates/${first.id}/withdraw`).set(bearer(unit.jobcenter.token)).send({}).expect(200);
    await propose(participant, 31).expect(201);
    expect((await written(participant)).candidates).toBe(2);
  });

  it('#11.12: migrating a database a race left duplicates in withdraws the extra candidacies (with a history row), then enforces one', async () => {
    const participant = await completedParticipant('Deltager Dublet');
    const kept = (await propose(participant, 40).expect(201)).body.id as string;
    const runner = app.get(DataSource).createQueryRunner();
    try {
      await runner.query('DROP INDEX candidate_upskilling_participant_once');
      const [duplicate] = await runner.query(
        `INSERT INTO candidate (municipality_id, job_order_id, supplier_id, state, target_group, available_weekly_hours, consent_given_on, consent_scope,
                                upskilling_participant_id, created_at)
         SELECT municipality_id, job_order_id, supplier_id, 'proposed', target_group, available_weekly_hours, consent_given_on, consent_scope,
                upskilling_participant_id, created_at + interval '1 second'
           FROM candidate WHERE id = $1 RETURNING id`,
        [kept],
      );
      const RaceGuards = migrations.find((migration) => migration.name === 'RaceGuards1764100500000')!;
      await new RaceGuards().up(runner);
      const rows = await runner.query('SELECT id, state, version FROM candidate WHERE upskilling_participant_id = $1 ORDER BY created_at', [participant]);
      expect(rows).toEqual([{ id: kept, state: 'proposed', version: 1 }, { id: duplicate.id, state: 'withdrawn', version: 2 }]);
      const history = await runner.query(`SELECT event, from_state, to_state, version FROM workflow_transition WHERE entity_id = $1 AND event <> 'create'`, [duplicate.id]);
      expect(history).toEqual([{ event: 'withdraw', from_state: 'proposed', to_state: 'withdrawn', version: 2 }]);
      await propose(participant, 41).expect(409);
    } finally {
      await runner.query('CREATE UNIQUE INDEX IF NOT EXISTS candidate_upskilling_participant_once ON candidate (job_order_id, upskilling_participant_id) WHERE upskilling_participant_id IS NOT NULL AND state NOT IN (\'withdrawn\', \'declined\', \'rejected\')');
      await runner.release();
    }
  });
});
