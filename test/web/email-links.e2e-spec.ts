import request from 'supertest';
import { ReviewLinkSigner } from '@klausul/followup';
import { SESSION_COOKIE } from '@klausul/identity';
import { LinkBuilder } from '@klausul/links';
import { EMAIL_TEMPLATE_NAMES, type EmailTemplateName, type EmailTemplates, renderEmail } from '@klausul/messaging';
import { nthMailTo, tokenOf } from '../support/account-mail';
import { ContractsFactory } from '../support/contracts.factory';
import { bearer, IdentityFactory, TEST_PASSWORD, type TestUser } from '../support/identity.factory';
import { tenantFixture, type TenantIds } from '../support/tenant-fixture';
import { useTestApi } from '../support/test-api';
import { formTokenIn } from '../support/web-agent';

const SECRET = 'review-link-secret-for-the-email-links-test-0123456789';

/**
 * Every link of every e-mail template leads to a page a person can open: rendered with real
 * ids and tokens, each link answers 200 HTML — for the recipient's session where the page
 * needs one, and, without a session, through the login page back to that page.
 */
describe('every link in every e-mail opens a page', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200', REVIEW_LINK_SECRET: SECRET });
  let ids: TenantIds;
  const sessions = new Map<string, { user: TestUser; token: string }>();
  let samples: { [N in EmailTemplateName]: EmailTemplates[N] };

  beforeAll(async () => {
    const identity = new IdentityFactory(api.app);
    const municipality = await identity.municipality();
    ids = await tenantFixture(api.app, identity, new ContractsFactory(api.app), municipality.id);
    for (const role of ['supplier_hr', 'jobcenter_contact', 'employment_caseworker', 'admin'] as const) {
      sessions.set(role, await identity.signedIn({ role, municipalityId: municipality.id, ...(role === 'supplier_hr' ? { supplierId: ids.supplier } : {}) }));
    }
    const admin = sessions.get('admin')!.token;
    const invitee = `invitee-${Date.now()}@example.dk`;
    await request(api.app.getHttpServer()).post('/api/v1/invitations').set(bearer(admin)).send({ email: invitee, role: 'jobcenter_contact' }).expect(201);
    const invitation = tokenOf(await nthMailTo(api.app, invitee, 'Du er inviteret'), 'invitation');
    const forgetful = sessions.get('jobcenter_contact')!.user.email;
    await request(api.app.getHttpServer()).post('/api/v1/auth/password-reset').send({ email: forgetful }).expect(202);
    const reset = tokenOf(await nthMailTo(api.app, forgetful, 'Nulstil'), 'reset-password');
    const [review] = await identity.query<{ period: string }>("SELECT period FROM review WHERE id = $1", [ids.review]);
    const confirm = await new ReviewLinkSigner(Buffer.from(SECRET, 'utf8')).sign({
      reviewId: ids.review, supplierId: ids.supplier, contractId: ids.contract, period: review.period, exp: Math.floor(Date.now() / 1000) + 3600,
    });
    const job = { jobOrderId: ids.jobOrder, title: 'Buschauffør', supplierName: 'Fynsk Rutekørsel A/S' };
    const reviewData = { reviewId: ids.review, period: review.period, tenderTitle: 'Buskørsel', supplierName: 'Fynsk Rutekørsel A/S', dueOn: '2025-04-08' };
    // Typed by the catalogue: a template added without a sample here does not compile.
    samples = {
      'supplier-welcome': { contractId: ids.contract, supplierName: job.supplierName, tenderTitle: 'Buskørsel', municipalityName: 'Odense Kommune', startDate: '2025-02-01' },
      'job-description': {
        ...job, tasks: 'Kørsel', weeklyHours: 10, shiftPattern: 'morning', workplaceAddress: 'Odense', startDate: '2025-03-01', positions: 13,
        requirements: 'Kørekort D', learningOnTheJob: 'Sidemandsoplæring', interviewContact: 'HR', candidatesDueOn: '2025-02-20',
      },
      'candidates-reminder': { ...job, proposed: 2, positions: 13, candidatesDueOn: '2025-02-20' },
      'candidates-missing': { ...job, proposed: 2, positions: 13, candidatesDueOn: '2025-02-20' },
      shortlist: { jobOrderId: ids.jobOrder, title: job.title, shortlisted: 1 },
      'review-request': { period: review.period, linkTtlDays: 14, reviews: [{ token: confirm, tenderTitle: 'Buskørsel', placements: 1, dueOn: '2025-04-08' }] },
      'review-reminder': { reviewId: ids.review, period: review.period, tenderTitle: 'Buskørsel', dueOn: '2025-04-08' },
      'review-overdue': reviewData,
      'review-escalated': reviewData,
      'review-run-late': { period: review.period, dueAt: new Date(), startedAt: new Date(), reviewsCreated: 1 },
      'clause-breach': { reviewId: ids.review, period: review.period, tenderTitle: 'Buskørsel', note: 'Der mangler 2 ansatte' },
      invitation: { token: invitation, municipalityName: 'Odense Kommune', role: 'jobcenter_contact', expiresAt: new Date(Date.now() + 3600_000) },
      'password-reset': { token: reset, expiresAt: new Date(Date.now() + 3600_000) },
      'channel-test': { channelName: 'Jobcenter Odense', municipalityName: 'Odense Kommune', sentBy: 'Mette Hansen' },
    };
  });

  /** Whose session opens a page: the audience of its path; the links that are their own credential need none. */
  const sessionFor = (path: string) =>
    path.startsWith('/supplier') ? sessions.get('supplier_hr')
      : path.startsWith('/jobcenter') ? sessions.get('jobcenter_contact')
        : path.startsWith('/unit') ? sessions.get('employment_caseworker')
          : undefined;

  it.each(EMAIL_TEMPLATE_NAMES)('%s', async (name) => {
    const mail = renderEmail(name, samples[name] as never, api.app.get(LinkBuilder));
    const inText = [...mail.text.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    const inHtml = [...(mail.html ?? '').matchAll(/href="(https?:\/\/[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(new Set(inHtml)).toEqual(new Set(inText));
    for (const link of inText) {
      const url = new URL(link);
      expect(url.origin).toBe(api.runtime.config.publicUrl);
      const path = url.pathname + url.search;
      const session = sessionFor(url.pathname);
      const opened = await request(api.app.getHttpServer()).get(path).set('Cookie', session ? `${SESSION_COOKIE}=${session.token}` : '');
      expect({ link: path, status: opened.status, type: opened.headers['content-type'] }).toEqual({ link: path, status: 200, type: 'text/html; charset=utf-8' });
      if (!session) continue;
      // Without a session: the login page, then back to the page the link pointed to.
      const browser = request.agent(api.app.getHttpServer());
      const bounced = await browser.get(path);
      expect(bounced.status).toBe(303);
      const login = await browser.get(bounced.headers.location);
      const signedIn = await browser.post('/login').type('form').send({ _csrf: formTokenIn(login.text), email: session.user.email, password: TEST_PASSWORD, next: path });
      expect(signedIn.headers.location).toBe(path);
      expect((await browser.get(path)).status).toBe(200);
    }
  });
});
