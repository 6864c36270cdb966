import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MailSender } from '@klausul/messaging';
import { ContractsFactory, type SignedIn, type TestSupplier, type Unit } from './contracts.factory';
import { bearer } from './identity.factory';
import { eventually } from './test-runtime';

export interface FollowupCase {
  unit: Unit;
  suppliers: [TestSupplier, TestSupplier];
  contracts: [string, string];
  hr: [SignedIn, SignedIn];
}

/**
 * Builds phase-3 data: a handed-over tender (two suppliers, one contract each, 13 x 10 h
 * clause per contract, 2025-01-01 to 2028-12-31) with an HR contact per supplier.
 *
 *   const followup = new FollowupFactory(app);
 *   const c = await followup.case();
 *   await followup.run(c.unit, '2025-03');
 *   const token = await followup.linkFor(c.hr[0].user.email, '2025-03');
 */
export class FollowupFactory {
  readonly contracts: ContractsFactory;

  constructor(private readonly app: INestApplication) {
    this.contracts = new ContractsFactory(app);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async case(unit?: Unit): Promise<FollowupCase> {
    const u = unit ?? (await this.contracts.unit());
    const { tender, suppliers } = await this.contracts.tenderAt(u, 'handed_over');
    const ids = await this.contracts.identity.query<{ id: string; supplier_id: string }>('SELECT id, supplier_id FROM contract WHERE tender_id = $1', [tender.id]);
    const contractOf = (s: TestSupplier) => ids.find((r) => r.supplier_id === s.id)!.id;
    const hr: [SignedIn, SignedIn] = [await this.contracts.supplierHr(u.municipalityId, suppliers[0].id), await this.contracts.supplierHr(u.municipalityId, suppliers[1].id)];
    return { unit: u, suppliers, contracts: [contractOf(suppliers[0]), contractOf(suppliers[1])], hr };
  }

  async run(unit: Unit, period: string) {
    const res = await this.http().post('/api/v1/reviews/runs').set(bearer(unit.admin.token)).send({ period }).expect(200);
    return res.body as { period: string; reviewsCreated: number; placementChecksCreated: number; requestsQueued: number };
  }

  mails() {
    return this.app.get(MailSender).catcher!.received;
  }

  /** The review-request e-mails one address got for a period. */
  requestsTo(email: string, period: string) {
    return this.mails().filter((m) => m.to.some((to) => to.includes(email)) && m.subject.startsWith(`Månedlig opfølgning ${period}`));
  }

  /** Waits for the period's request e-mail to the address and returns the link tokens in it (of its /confirm/:token links). */
  async linksFor(email: string, period: string): Promise<string[]> {
    const mail = await eventually(async () => this.requestsTo(email, period)[0]);
    return [...mail.text.matchAll(/\/confirm\/([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+){2})/g)].map((m) => m[1]);
  }

  async reviewOf(contractId: string, period: string): Promise<{ id: string; state: string }> {
    const [row] = await this.contracts.identity.query<{ id: string; state: string }>('SELECT id, state FROM review WHERE contract_id = $1 AND period = $2', [contractId, period]);
    return row;
  }
}
