import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ContractsFactory, type SignedIn } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';

const DECLINE_NOTE = 'Afvist: oplyst rygproblemer, kan ikke løfte';
const RETURN_COMMENT = 'Returkommentar: skriv mere om vagterne';
const DISCUSSION = 'Intern drøftelse: leverandøren er presset på bemandingen';
const CHALLENGES = 'Intern udfordring: to chauffører har mange sygedage';

/** One entity of a workflow, with the route its own GET is read at. */
interface Subject {
  label: string;
  /** The entity's own read (for an upskilling participant, which has no GET of its own: its programme's participant list). */
  read: string;
  history: string;
}

interface World {
  subjects: Subject[];
  ids: Record<string, string>;
}

/**
 * #11.11: an entity's history is read through the same path as the entity, so it is a 404
 * exactly where the entity is, for every workflow, role and supplier; and a reader outside
 * the unit sees only the inputs shared with it (no decline note, no internal review notes).
 */
describe('#11.11: history is readable exactly by those who may read the entity', () => {
  let app: INestApplication;
  let factory: ContractsFactory;
  const readers = new Map<string, string>();
  let own: World;
  let other: World;
  const http = () => request(app.getHttpServer());

  const api = useTestApi('postgres', { RUN_WORKER: 'false' });

  async function world(): Promise<World & { actors: Record<string, SignedIn> }> {
    const unit = await factory.unit();
    const { tender, suppliers } = await factory.tenderAt(unit, 'handed_over');
    const contracts = await factory.identity.query<{ id: string; supplier_id: string }>('SELECT id, supplier_id FROM contract WHERE tender_id = $1', [tender.id]);
    const contract = contracts.find((c) => c.supplier_id === suppliers[0].id)!.id;
    const hr = await factory.supplierHr(unit.municipalityId, suppliers[0].id);
    const otherHr = await factory.supplierHr(unit.municipalityId, suppliers[1].id);
    const post = async (token: string, path: string, body: object = {}) => {
      const res = await http().post(path).set(bearer(token)).send(body);
      if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body as Record<string, any>;
    };

    await post(unit.admin.token, '/api/v1/reviews/runs', { period: '2025-03' });
    const [{ id: review }] = await factory.identity.query<{ id: string }>('SELECT id FROM review WHERE contract_id = $1', [contract]);
    await post(hr.token, `/api/v1/reviews/${review}/confirmation`, { placements: [] });
    await post(unit.procurement.token, `/api/v1/reviews/${review}/conclude`, { discussion: DISCUSSION, challenges: CHALLENGES });

    const jobOrder = async (steps: ('submit' | 'return' | 'revise' | 'forward')[]) => {
      const { id } = await post(hr.token, `/api/v1/contracts/${contract}/job-orders`, jobOrderBody());
      for (const step of steps) {
        if (step === 'submit') await post(hr.token, `/api/v1/job-orders/${id}/submit`);
        if (step === 'return') await post(unit.procurement.token, `/api/v1/job-orders/${id}/return`, { comment: RETURN_COMMENT });
        if (step === 'revise') await http().patch(`/api/v1/job-orders/${id}`).set(bearer(hr.token)).send({ positions: 14 }).expect(200);
        if (step === 'forward') await post(unit.procurement.token, `/api/v1/job-orders/${id}/forward`);
      }
      return id as string;
    };
    const ids: Record<string, string> = {
      tender: tender.id,
      jobOrderDraft: await jobOrder([]),
      jobOrderSubmitted: await jobOrder(['submit']),
      jobOrderReturned: await jobOrder(['submit', 'return']),
      jobOrderForwarded: await jobOrder(['submit', 'return', 'revise', 'submit', 'forward']),
      review,
    };
    const candidate = async (i: number, steps: [string, string, object?][]) => {
      const { id } = await post(unit.jobcenter.token, `/api/v1/job-orders/${ids.jobOrderForwarded}/candidates`, candidateBody(i));
      for (const [event, token, body] of steps) await post(token, `/api/v1/candidates/${id}/${event}`, body);
      return id as string;
    };
    ids.candidateProposed = await candidate(1, []);
    ids.candidateShortlisted = await candidate(2, [['shortlist', unit.employment.token]]);
    ids.candidateDeclined = await candidate(3, [['decline', unit.employment.token, { note: DECLINE_NOTE }]]);
    ids.candidateWithdrawn = await candidate(4, [['shortlist', unit.employment.token], ['withdraw', unit.jobcenter.token]]);
    ids.candidateRejected = await candidate(5, [['shortlist', unit.employment.token], ['reject', hr.token, { reason: 'hours', note: 'Kunne ikke morgenruterne' }]]);
    ids.placement = await factory.placement(contract);
    ids.probe = (await post(unit.admin.token, '/api/v1/probes')).id;
    ids.programme = (await post(unit.employment.token, '/api/v1/upskilling/programmes', { name: 'OPI', capacity: 15, maxDurationMonths: 18 })).id;
    ids.participant = (await post(unit.employment.token, `/api/v1/upskilling/programmes/${ids.programme}/participants`, { name: 'Deltager', startDate: '2025-01-06' })).id;

    const subject = (label: string, resource: string, id: string, read = `/api/v1/${resource}/${id}`): Subject => ({
      label, read, history: `/api/v1/${resource}/${id}/history`,
    });
    const subjects = [
      subject('tender', 'tenders', ids.tender),
      subject('probe', 'probes', ids.probe),
      ...['jobOrderDraft', 'jobOrderSubmitted', 'jobOrderReturned', 'jobOrderForwarded'].map((label) => subject(label, 'job-orders', ids[label])),
      ...['candidateProposed', 'candidateShortlisted', 'candidateDeclined', 'candidateWithdrawn', 'candidateRejected'].map((label) => subject(label, 'candidates', ids[label])),
      subject('placement', 'placements', ids.placement),
      subject('review', 'reviews', ids.review),
      subject('upskillingParticipant', 'upskilling-participants', ids.participant, `/api/v1/upskilling/programmes/${ids.programme}/participants`),
    ];
    return {
      subjects,
      ids,
      actors: { admin: unit.admin, procurement: unit.procurement, employment: unit.employment, jobcenter: unit.jobcenter, supplierHr: hr, otherSupplierHr: otherHr },
    };
  }

  beforeAll(async () => {
    app = api.app;
    factory = new ContractsFactory(app);
    const built = await world();
    own = built;
    for (const [name, signedIn] of Object.entries(built.actors)) readers.set(name, signedIn.token);
    other = await world();
  });

  const status = async (path: string, token: string) => (await http().get(path).set(bearer(token))).status;
  const historyAs = async (reader: string, path: string) => {
    const res = await http().get(path).set(bearer(readers.get(reader)!)).expect(200);
    return res.body.items as { event: string; input: Record<string, unknown> }[];
  };

  it('#11.11: for every workflow, role and supplier, the history answers as the entity does (404 where it is 404)', async () => {
    const answers: { reader: string; subject: string; entity: number; history: number }[] = [];
    for (const [label, world] of [['own', own], ['other municipality', other]] as const) {
      for (const s of world.subjects) {
        for (const [reader, token] of readers) {
          answers.push({ reader, subject: `${label} ${s.label}`, entity: await status(s.read, token), history: await status(s.history, token) });
        }
      }
    }
    expect(answers.filter((a) => a.entity !== a.history)).toEqual([]);
    const of = (reader: string, subject: string) => answers.find((a) => a.reader === reader && a.subject === subject)!;
    // The cases the issue names, and that the matrix is not all refusals.
    expect(of('supplierHr', 'own candidateDeclined')).toMatchObject({ entity: 404, history: 404 });
    expect(of('supplierHr', 'own candidateProposed')).toMatchObject({ entity: 404, history: 404 });
    expect(of('supplierHr', 'own candidateShortlisted')).toMatchObject({ entity: 200, history: 200 });
    expect(of('otherSupplierHr', 'own candidateShortlisted')).toMatchObject({ entity: 404, history: 404 });
    expect(of('jobcenter', 'own jobOrderDraft')).toMatchObject({ entity: 404, history: 404 });
    expect(of('jobcenter', 'own jobOrderForwarded')).toMatchObject({ entity: 200, history: 200 });
    expect(of('supplierHr', 'own review')).toMatchObject({ entity: 200, history: 200 });
    expect(of('employment', 'other municipality candidateShortlisted')).toMatchObject({ entity: 404, history: 404 });
    expect(answers.filter((a) => a.history === 200).length).toBeGreaterThan(40);
  });

  it("#11.11: a supplier's history of a review leaves out the unit's internal notes; the unit's has them", async () => {
    const path = `/api/v1/reviews/${own.ids.review}/history`;
    const unitView = await historyAs('procurement', path);
    expect(unitView.find((entry) => entry.event === 'conclude')?.input).toMatchObject({ discussion: DISCUSSION, challenges: CHALLENGES });
    const supplierView = await historyAs('supplierHr', path);
    expect(supplierView.map((entry) => entry.event)).toEqual(unitView.map((entry) => entry.event));
    expect(JSON.stringify(supplierView)).not.toContain(DISCUSSION);
    expect(JSON.stringify(supplierView)).not.toContain(CHALLENGES);
  });

  it("#11.11: a supplier never reads a declined candidate's note; the unit does; a shortlisted one's history shows only what is the supplier's", async () => {
    const declined = `/api/v1/candidates/${own.ids.candidateDeclined}/history`;
    const refused = await http().get(declined).set(bearer(readers.get('supplierHr')!)).expect(404);
    expect(JSON.stringify(refused.body)).not.toContain(DECLINE_NOTE);
    expect((await historyAs('employment', declined)).find((entry) => entry.event === 'decline')?.input).toEqual({ note: DECLINE_NOTE });
    const rejected = await historyAs('supplierHr', `/api/v1/candidates/${own.ids.candidateRejected}/history`);
    expect(rejected.map(({ event, input }) => ({ event, input }))).toEqual([
      { event: 'create', input: { jobOrderId: own.ids.jobOrderForwarded, hasCv: true } },
      { event: 'shortlist', input: {} },
      { event: 'reject', input: { reason: 'hours', note: 'Kunne ikke morgenruterne' } },
    ]);
  });

  it("#11.11: the jobcenter's history of a forwarded job order leaves out procurement's comment to the supplier", async () => {
    const path = `/api/v1/job-orders/${own.ids.jobOrderForwarded}/history`;
    expect(JSON.stringify(await historyAs('supplierHr', path))).toContain(RETURN_COMMENT);
    const jobcenterView = await historyAs('jobcenter', path);
    expect(jobcenterView.map((entry) => entry.event)).toEqual(['create', 'submit', 'return', 'revise', 'submit', 'forward']);
    expect(JSON.stringify(jobcenterView)).not.toContain(RETURN_COMMENT);
    expect(jobcenterView.find((entry) => entry.event === 'revise')?.input).toEqual({ positions: 14 });
  });
});
