import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import request from 'supertest';
import { loggerOptions } from '@klausul/logging';
import { MailSender } from '@klausul/messaging';
import { createApiApplication } from '@klausul/runtime';
import { ContractsFactory } from '../support/contracts.factory';
import { bearer, TEST_PASSWORD } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, testRuntime } from '../support/test-runtime';

describe('the logs of a whole matching run', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    const base = testRuntime(db.url, 'postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200', LOG_LEVEL: 'debug' });
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    runtime = { ...base, logger: pino(loggerOptions({ log: { level: 'debug', format: 'json' } }), sink) };
    app = await createApiApplication(runtime);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  it('hold no names, e-mail addresses, passwords, tokens or CV contents', async () => {
    const http = () => request(app.getHttpServer());
    const factory = new ContractsFactory(app);
    const unit = await factory.unit();
    const { tender, suppliers } = await factory.tenderAt(unit, 'awarded');
    const hr = await factory.supplierHr(unit.municipalityId, suppliers[0].id);
    await http().post(`/api/v1/tenders/${tender.id}/hand-over`).set(bearer(unit.procurement.token)).send({}).expect(200);
    // A real sign-in, a failed one, and every step of matching, with personal data in the bodies.
    await http().post('/api/v1/auth/login').send({ email: hr.user.email, password: TEST_PASSWORD }).expect(200);
    await http().post('/api/v1/auth/login').send({ email: hr.user.email, password: 'wrong password!!' }).expect(401);
    const [{ id: contractId }] = await factory.identity.query<{ id: string }>('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [tender.id, suppliers[0].id]);
    const jobOrderId = (await http().post(`/api/v1/contracts/${contractId}/job-orders`).set(bearer(hr.token)).send(jobOrderBody()).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${jobOrderId}/submit`).set(bearer(hr.token)).send({}).expect(200);
    await http().post('/api/v1/jobcenter-channels').set(bearer(unit.admin.token)).send({ kind: 'email', name: 'JC', address: 'jobcenter.secret@example.dk' }).expect(201);
    await http().post(`/api/v1/job-orders/${jobOrderId}/forward`).set(bearer(unit.procurement.token)).send({}).expect(200);
    const person = candidateBody(7, { name: 'Rasmus Hemmeligsen', email: 'rasmus.hemmelig@example.dk', applicationText: 'Jeg hedder Rasmus Hemmeligsen' });
    const candidate = (await http().post(`/api/v1/job-orders/${jobOrderId}/candidates`).set(bearer(unit.jobcenter.token)).send(person).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${jobOrderId}/candidates`).set(bearer(unit.jobcenter.token)).send({ ...person, applicationText: 'CPR 010190-1234' }).expect(400);
    await http().post(`/api/v1/candidates/${candidate}/shortlist`).set(bearer(unit.employment.token)).send({}).expect(200);
    await http().get(`/api/v1/candidates/${candidate}/cv`).set(bearer(hr.token)).expect(200);
    await eventually(async () => app.get(MailSender).catcher!.received.find((m) => m.to.includes('jobcenter.secret@example.dk')));

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(20); // the run was logged
    for (const secret of [
      'Rasmus', 'Hemmeligsen', 'rasmus.hemmelig@example.dk', hr.user.email, unit.admin.user.email, 'jobcenter.secret@example.dk',
      TEST_PASSWORD, 'wrong password!!', hr.token, unit.jobcenter.token, '010190-1234', person.cv.contentBase64.slice(0, 40),
    ]) {
      expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
    }
  });
});
