import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { LinkBuilder } from '@klausul/links';
import { MailSender } from '@klausul/messaging';
import { createApiApplication } from '@klausul/runtime';
import { ContractsFactory } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { clearQueueKeys, eventually, testRuntime } from '../support/test-runtime';

describe('hand-over welcomes every supplier to the matching phase', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let runtime: ReturnType<typeof testRuntime>;

  beforeAll(async () => {
    db = await createTestDatabase();
    runtime = testRuntime(db.url, 'postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' });
    app = await createApiApplication(runtime);
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await clearQueueKeys(runtime);
    await db?.drop();
  });

  it("e-mails each winner's HR contacts once, asking for job descriptions, and logs it", async () => {
    const factory = new ContractsFactory(app);
    const unit = await factory.unit();
    const { tender, suppliers } = await factory.tenderAt(unit, 'awarded');
    const hr = await Promise.all(suppliers.map((s) => factory.supplierHr(unit.municipalityId, s.id)));

    await request(app.getHttpServer()).post(`/api/v1/tenders/${tender.id}/hand-over`).set(bearer(unit.procurement.token)).send({}).expect(200);

    const catcher = app.get(MailSender).catcher!;
    const welcomes = await eventually(async () => {
      const found = catcher.received.filter((m) => m.subject.startsWith('Velkommen til matchingsperioden'));
      return found.length === 2 ? found : undefined;
    });
    expect(welcomes.map((m) => m.to[0]).sort()).toEqual(hr.map((h) => h.user.email).sort());
    expect(welcomes[0].text).toContain('stillingsbeskrivelse');
    // Each link leads to the supplier's "new job description" page of its own contract.
    const contracts = await factory.identity.query<{ id: string; supplier_id: string }>('SELECT id, supplier_id FROM contract WHERE tender_id = $1', [tender.id]);
    for (const [i, s] of suppliers.entries()) {
      const welcome = welcomes.find((m) => m.to[0] === hr[i].user.email)!;
      const link = app.get(LinkBuilder).supplierNewJobOrder(contracts.find((c) => c.supplier_id === s.id)!.id);
      expect(welcome.text).toContain(`Opret stillingsbeskrivelser her: ${link}`);
      expect(welcome.html).toContain(`<a href="${link}"`);
    }

    const log = await request(app.getHttpServer()).get('/api/v1/messages').set(bearer(unit.procurement.token)).expect(200);
    const logged = log.body.items.filter((m: { template: string }) => m.template === 'supplier-welcome');
    expect(logged).toHaveLength(2);
    expect(logged.every((m: { related: { type: string } }) => m.related.type === 'contract')).toBe(true);
  });
});
