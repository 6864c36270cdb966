import { ReviewLinkSigner } from '@klausul/followup';
import { FollowupFactory, type FollowupCase } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { candidateBody, jobOrderBody } from '../support/matching.fixtures';
import { useTestApi } from '../support/test-api';
import { formTokenIn, mainText, WebAgent } from '../support/web-agent';

// Known here, so the test can sign links as the monthly run does (and forge or expire them).
const SECRET = 'review-link-secret-for-the-monthly-pages-test-0123456789';
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const INTERNAL = { discussion: 'Intern drøftelse: morgenruterne er svære', challenges: 'Intern udfordring: fravær', actions: ['request_replacement'] };
const NOTE_TO_SUPPLIER = 'Tak for svaret; vi ringer om kørekurset.';
const TABLES = ['review', 'placement', 'placement_hours', 'placement_check', 'workflow_transition'];

const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** What a browser posts from the page's form as rendered: every input, the selected option of each select, each textarea. */
function renderedForm(html: string): { action: string; fields: Record<string, string> } {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/.exec(main);
  if (!form) throw new Error('the page has no form in <main>');
  const fields: Record<string, string> = {};
  for (const [tag] of form[2].matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    if (name) fields[decode(name)] = decode(attr(tag, 'value') ?? '');
  }
  for (const [, tag, options] of form[2].matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const chosen = /<option value="([^"]*)" selected>/.exec(options) ?? /<option value="([^"]*)"/.exec(options);
    fields[decode(attr(tag, 'name')!)] = decode(chosen?.[1] ?? '');
  }
  for (const [, tag, text] of form[2].matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) fields[decode(attr(tag, 'name')!)] = decode(text.trim());
  return { action: decode(attr(form[1], 'action')!), fields };
}

/** Hostile text appears as text: escaped, never as markup. */
function expectEscaped(html: string) {
  expect(html).not.toContain(SCRIPT);
  expect(html).not.toContain(IMG);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
}

describe('web pages: the monthly confirmation and my employees', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false', REVIEW_LINK_SECRET: SECRET });
  const signer = new ReviewLinkSigner(Buffer.from(SECRET, 'utf8'));
  let f: FollowupFactory;
  let c: FollowupCase;
  /** Anna (10 h), the hostile-named one (12 h), Bo (15 h): hired on contract A through a job order with a hostile title. */
  let anna: string;
  let hostile: string;
  let bo: string;
  let otherPlacement: string;
  const review: Record<'march' | 'april' | 'otherMarch', string> = { march: '', april: '', otherMarch: '' };
  let marchLink: string;

  const hr = () => bearer(c.hr[0].token);
  const placement = async (id: string) => (await api.http().get(`/api/v1/placements/${id}`).set(hr()).expect(200)).body;
  const restReview = async (id: string) => (await api.http().get(`/api/v1/reviews/${id}`).set(hr()).expect(200)).body;
  const counts = () => f.contracts.counts(TABLES);
  const linkFor = (reviewId: string, contract: 0 | 1, period: string, overrides: Record<string, unknown> = {}) =>
    signer.sign({ reviewId, supplierId: c.suppliers[contract].id, contractId: c.contracts[contract], period, exp: Math.floor(Date.now() / 1000) + 3600, ...overrides });
  const employeesOf = (contract: 0 | 1) => `/supplier/contracts/${c.contracts[contract]}/employees`;
  const signedInAs = async (index: 0 | 1) => {
    const browser = new WebAgent(api.app);
    await browser.signIn(c.hr[index].user.email);
    return browser;
  };

  beforeAll(async () => {
    f = new FollowupFactory(api.app);
    c = await f.case();
    await f.contracts.identity.query('UPDATE supplier SET name = $2 WHERE id = $1', [c.suppliers[0].id, SCRIPT]);
    const http = api.http;
    const order = (await http().post(`/api/v1/contracts/${c.contracts[0]}/job-orders`).set(hr()).send(jobOrderBody({ title: IMG })).expect(201)).body.id;
    await http().post(`/api/v1/job-orders/${order}/submit`).set(hr()).send({}).expect(200);
    await http().post(`/api/v1/job-orders/${order}/forward`).set(bearer(c.unit.procurement.token)).send({}).expect(200);
    const hires: string[] = [];
    for (const [i, name, startDate, weeklyHours] of [[1, 'Anna Jensen', '2025-02-01', 10], [2, SCRIPT, '2025-02-03', 12], [3, 'Bo Hansen', '2025-02-10', 15]] as const) {
      const candidate = (await http().post(`/api/v1/job-orders/${order}/candidates`).set(bearer(c.unit.jobcenter.token)).send(candidateBody(i, { name })).expect(201)).body.id;
      await http().post(`/api/v1/candidates/${candidate}/shortlist`).set(bearer(c.unit.employment.token)).send({}).expect(200);
      const hired = await http().post(`/api/v1/candidates/${candidate}/hire`).set(hr()).send({ startDate, weeklyHours, employmentForm: 'flexjob' }).expect(200);
      hires.push(hired.body.placementId);
    }
    [anna, hostile, bo] = hires;
    otherPlacement = await f.contracts.placement(c.contracts[1], { weeklyHours: 10 });
    await f.run(c.unit, '2025-03');
    await f.run(c.unit, '2025-04');
    review.march = (await f.reviewOf(c.contracts[0], '2025-03')).id;
    review.april = (await f.reviewOf(c.contracts[0], '2025-04')).id;
    review.otherMarch = (await f.reviewOf(c.contracts[1], '2025-03')).id;
    marchLink = await linkFor(review.march, 0, '2025-03');
  });

  describe('the confirmation from the e-mailed link (no login)', () => {
    it('lists each employee by name, job title, start date and hours, pre-filled as still employed at the same hours; hostile text is text', async () => {
      const page = await new WebAgent(api.app).get(`/confirm/${marchLink}`);
      expect(page.status).toBe(200);
      // Names behind a link that is a credential: not kept in any cache.
      expect(page.headers['cache-control']).toBe('no-store');
      const text = mainText(page.text);
      expect(text).toContain('Bekræft jeres ansatte for marts 2025');
      expect(text).toContain('3 ansatte under klausulen');
      for (const [name, start] of [['Anna Jensen', '1. februar 2025'], ['Bo Hansen', '10. februar 2025']]) {
        expect(text).toContain(name);
        expect(text).toContain(`Ansat fra ${start}`);
      }
      const { fields } = renderedForm(page.text);
      expect(fields).toMatchObject({ [`hours-${anna}`]: '10', [`hours-${hostile}`]: '12', [`hours-${bo}`]: '15', [`endDate-${anna}`]: '', [`reason-${anna}`]: '' });
      expect(page.text).toContain('<details class="details');
      expect(page.text).toContain('id="confirm"');
      expectEscaped(page.text);
      // Never what the supplier may not see: target group, consent.
      expect(text).not.toMatch(/fleksjob|flexjob|samtykke/i);
    });

    it('refuses bad input with the error summary linked to the row\'s field, keeps the input, answers 400 and stores nothing', async () => {
      const browser = new WebAgent(api.app);
      const { action, fields } = renderedForm((await browser.get(`/confirm/${marchLink}`)).text);
      const before = await counts();
      const cases: { change: Record<string, string>; field: string; says: string }[] = [
        { change: { [`hours-${anna}`]: '40' }, field: `hours-${anna}`, says: 'Timer pr. uge for Anna Jensen skal være over 0 og højst 37 timer om ugen' },
        { change: { [`hours-${anna}`]: '0' }, field: `hours-${anna}`, says: 'skal være over 0 og højst 37' },
        { change: { [`endDate-${bo}`]: '2025-03-20' }, field: `reason-${bo}`, says: 'Vælg årsag til fratrædelsen for Bo Hansen' },
        { change: { [`endDate-${bo}`]: '2025-01-31', [`reason-${bo}`]: 'resigned' }, field: `endDate-${bo}`, says: 'kan ikke være før ansættelsen begyndte (10. februar 2025)' },
        { change: { [`endDate-${bo}`]: '2099-01-01', [`reason-${bo}`]: 'resigned' }, field: `endDate-${bo}`, says: 'kan ikke være efter i dag' },
        { change: { [`reason-${bo}`]: 'resigned' }, field: `endDate-${bo}`, says: 'Udfyld sidste arbejdsdag for Bo Hansen' },
        { change: { note: 'Hans Hansen, personnummer 010190-1234' }, field: 'note', says: 'ligner et CPR-nummer' },
      ];
      for (const { change, field, says } of cases) {
        const res = await browser.agent.post(action).type('form').send({ ...fields, ...change });
        expect({ change, status: res.status }).toEqual({ change, status: 400 });
        expect(res.text).toContain('data-module="error-summary"');
        expect(res.text).toContain(`href="#${field}"`);
        expect(mainText(res.text)).toContain(says);
        // The person's input is kept.
        for (const [name, value] of Object.entries(change)) {
          if (name.startsWith('reason-')) expect(res.text).toContain(`<option value="${value}" selected>`);
          else expect(decode(res.text)).toContain(value);
        }
        if (field.startsWith('endDate-') || field.startsWith('reason-')) expect(res.text).toMatch(/<details class="details[^"]*" open>/);
      }
      expect(await counts()).toEqual(before);
      expect((await restReview(review.march)).state).toBe('awaiting_supplier');
    });

    it('refuses a post without the form token with 403 and changes nothing', async () => {
      const browser = new WebAgent(api.app);
      const { action, fields } = renderedForm((await browser.get(`/confirm/${marchLink}`)).text);
      const before = await counts();
      const { _csrf: _token, ...withoutToken } = fields;
      const res = await browser.agent.post(action).type('form').send(withoutToken);
      expect(res.status).toBe(403);
      const foreign = await browser.agent.post(action).type('form').send({ ...withoutToken, _csrf: formTokenIn((await new WebAgent(api.app).get('/login')).text) });
      expect(foreign.status).toBe(403);
      expect(await counts()).toEqual(before);
    });

    it('confirms a month without change with ONE post of the rendered defaults, and the receipt says what was recorded', async () => {
      const browser = new WebAgent(api.app);
      const { action, fields } = renderedForm((await browser.get(`/confirm/${marchLink}`)).text);
      expect(action).toBe(`/confirm/${marchLink}`);
      const res = await browser.agent.post(action).type('form').send(fields);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/confirm/${marchLink}/receipt`);
      const receipt = await browser.get(res.headers.location);
      expect(receipt.status).toBe(200);
      const text = mainText(receipt.text);
      expect(text).toContain('Tak – marts 2025 er bekræftet');
      expect(text).toContain('Stadig ansat, 10 timer pr. uge');
      expect(text).toContain('Stadig ansat, 15 timer pr. uge');
      expectEscaped(receipt.text);
      const recorded = await restReview(review.march);
      expect(recorded.state).toBe('submitted');
      expect(recorded.placements.map((p: { placementId: string; stillEmployed: boolean; weeklyHours: number }) => [p.placementId, p.stillEmployed, p.weeklyHours]))
        .toEqual([[anna, true, 10], [hostile, true, 12], [bo, true, 15]]);
      // Nothing changed on the placements: the same hours as before.
      expect((await placement(anna)).hoursHistory).toEqual([{ effectiveFrom: '2025-02-01', weeklyHours: 10 }]);
    });

    it('shows a month already confirmed as its receipt, not a second confirmation, and refuses a second post with 409', async () => {
      const browser = new WebAgent(api.app);
      const page = await browser.get(`/confirm/${marchLink}`);
      expect(page.status).toBe(200);
      expect(mainText(page.text)).toContain('Måneden marts 2025 er allerede bekræftet');
      expect(page.text).not.toContain(`name="hours-${anna}"`);
      const before = await counts();
      // The receipt has no form: the token of this browser comes from another page.
      const token = formTokenIn((await browser.get('/login')).text);
      const again = await browser.agent.post(`/confirm/${marchLink}`).type('form').send({ _csrf: token, [`hours-${anna}`]: '5' });
      expect(again.status).toBe(409);
      expect(mainText(again.text)).toContain('allerede bekræftet');
      expect(await counts()).toEqual(before);
    });
  });

  describe('the confirmation signed in', () => {
    it('sends a visitor who is not signed in to the login page and back', async () => {
      const res = await new WebAgent(api.app).get(`/supplier/reviews/${review.april}`);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(`/supplier/reviews/${review.april}`)}`);
    });

    it('records one leaver and one hours change: the placement ends, the hours change from the month\'s first day', async () => {
      const browser = await signedInAs(0);
      const page = await browser.get(`/supplier/reviews/${review.april}`);
      expect(page.status).toBe(200);
      expect(mainText(page.text)).toContain('Bekræft jeres ansatte for april 2025');
      const { action, fields } = renderedForm(page.text);
      expect(action).toBe(`/supplier/reviews/${review.april}`);
      // The changes a person makes: Anna left (date + reason), Bo's hours are now 8; the rest as rendered.
      const res = await browser.agent.post(action).type('form').send({ ...fields, [`endDate-${anna}`]: '15-04-2025', [`reason-${anna}`]: 'resigned', [`hours-${bo}`]: '8' });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/supplier/reviews/${review.april}/receipt`);
      const text = mainText((await browser.get(res.headers.location)).text);
      expect(text).toContain('Fratrådt, sidste arbejdsdag 15. april 2025 (Har selv sagt op)');
      expect(text).toContain('Stadig ansat, nu 8 timer pr. uge fra 1. april 2025');
      expect(text).toContain('Stadig ansat, 12 timer pr. uge');

      expect(await placement(anna)).toMatchObject({ state: 'ended', endDate: '2025-04-15', endReason: 'resigned' });
      expect((await placement(bo)).hoursHistory).toEqual([{ effectiveFrom: '2025-02-10', weeklyHours: 15 }, { effectiveFrom: '2025-04-01', weeklyHours: 8 }]);
      expect((await placement(hostile)).hoursHistory).toEqual([{ effectiveFrom: '2025-02-03', weeklyHours: 12 }]);
      expect((await restReview(review.april)).state).toBe('submitted');
    });

    it('never shows the unit\'s internal notes: only what it chose to tell the supplier; the concluded link explains itself', async () => {
      await api.http().post(`/api/v1/reviews/${review.march}/conclude`).set(bearer(c.unit.employment.token)).send({ ...INTERNAL, noteToSupplier: NOTE_TO_SUPPLIER }).expect(200);
      const browser = await signedInAs(0);
      const page = await browser.get(`/supplier/reviews/${review.march}`);
      expect(page.status).toBe(200);
      expect(mainText(page.text)).toContain('Opfølgningen for marts 2025 er afsluttet');
      expect(mainText(page.text)).toContain(NOTE_TO_SUPPLIER);
      const receipt = await browser.get(`/supplier/reviews/${review.march}/receipt`);
      for (const html of [page.text, receipt.text]) {
        expect(html).not.toContain('Intern');
        expect(html).not.toContain('request_replacement');
      }
      const link = await new WebAgent(api.app).get(`/confirm/${marchLink}`);
      expect(link.status).toBe(410);
      expect(mainText(link.text)).toContain('Opfølgningen er afsluttet');
      expect(link.text).not.toContain('Intern');
      expect(link.text).not.toContain('Anna Jensen');
    });
  });

  describe('a link that does not open', () => {
    it('a forged or mangled link is a clear page without data (404); one for another supplier is 403', async () => {
      const forged = `${marchLink.slice(0, -4)}${marchLink.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
      for (const token of [forged, 'not-a-link', `${marchLink.split('.').slice(0, 2).join('.')}.`]) {
        const res = await new WebAgent(api.app).get(`/confirm/${token}`);
        expect({ token, status: res.status }).toEqual({ token, status: 404 });
        expect(mainText(res.text)).toContain('Linket virker ikke');
        expect(res.text).not.toContain('Anna Jensen');
      }
      const aprilLink = await linkFor(review.april, 0, '2025-04', { supplierId: c.suppliers[1].id });
      const other = await new WebAgent(api.app).get(`/confirm/${aprilLink}`);
      expect(other.status).toBe(403);
      expect(other.text).not.toContain('Anna Jensen');
    });

    it('an expired link says so in the person\'s language (410), and a post through it changes nothing', async () => {
      const expired = await linkFor(review.otherMarch, 1, '2025-03', { exp: Math.floor(Date.now() / 1000) - 60 });
      const browser = new WebAgent(api.app);
      const da = await browser.get(`/confirm/${expired}`);
      expect(da.status).toBe(410);
      expect(mainText(da.text)).toContain('Linket er udløbet');
      await browser.get('/language/en?next=%2F');
      const en = await browser.get(`/confirm/${expired}`);
      expect(en.status).toBe(410);
      expect(en.text).toContain('<html lang="en"');
      expect(mainText(en.text)).toContain('The link has expired');
      const before = await counts();
      const post = await browser.agent.post(`/confirm/${expired}`).type('form').send({ _csrf: formTokenIn((await browser.get('/login')).text), [`hours-${otherPlacement}`]: '10' });
      expect(post.status).toBe(410);
      expect(await counts()).toEqual(before);
      expect((await api.http().get(`/api/v1/reviews/${review.otherMarch}`).set(bearer(c.hr[1].token)).expect(200)).body.state).toBe('awaiting_supplier');
    });
  });

  describe('my employees under the clause', () => {
    it('lists the contract\'s employees with name, job title, start date and current hours; hostile text is text', async () => {
      const browser = await signedInAs(0);
      const page = await browser.get(employeesOf(0));
      expect(page.status).toBe(200);
      const text = mainText(page.text);
      expect(text).toContain('Ansatte under klausulen');
      expect(text).toContain('Anna Jensen');
      expect(text).toContain('Status: fratrådt 15. april 2025');
      expect(text).toContain('Bo Hansen');
      expect(text).toContain('Ansat fra 10. februar 2025');
      expect(text).toContain('8 timer pr. uge nu');
      expect(page.text).toContain(`action="${employeesOf(0)}/${bo}/hours"`);
      expect(page.text).not.toContain(`action="${employeesOf(0)}/${anna}/hours"`);
      expectEscaped(page.text);
      expect(text).not.toMatch(/fleksjob|flexjob|samtykke/i);
    });

    it('changes hours from a date and ends an employment through the placement service; bad input is a 400 with the summary and changes nothing', async () => {
      const browser = await signedInAs(0);
      const page = await browser.get(employeesOf(0));
      const token = formTokenIn(page.text);
      const before = await counts();
      const badHours = await browser.agent.post(`${employeesOf(0)}/${bo}/hours`).type('form').send({ _csrf: token, [`hours-${bo}`]: '38', [`from-${bo}`]: '2025-05-01' });
      expect(badHours.status).toBe(400);
      expect(badHours.text).toContain(`href="#hours-${bo}"`);
      expect(mainText(badHours.text)).toContain('Nye timer pr. uge for Bo Hansen skal være over 0 og højst 37');
      expect(badHours.text).toContain('value="38"');
      expect(badHours.text).toMatch(/<details class="details[^"]*" open>/);
      const early = await browser.agent.post(`${employeesOf(0)}/${bo}/end`).type('form').send({ _csrf: token, [`endDate-${bo}`]: '2025-01-01', [`reason-${bo}`]: 'dismissed' });
      expect(early.status).toBe(400);
      expect(early.text).toContain(`href="#endDate-${bo}"`);
      expect(mainText(early.text)).toContain('Datoen for Bo Hansen kan ikke være før ansættelsen begyndte (10. februar 2025)');
      const noReason = await browser.agent.post(`${employeesOf(0)}/${bo}/end`).type('form').send({ _csrf: token, [`endDate-${bo}`]: '2025-06-30' });
      expect(noReason.status).toBe(400);
      expect(noReason.text).toContain(`href="#reason-${bo}"`);
      const withoutToken = await browser.agent.post(`${employeesOf(0)}/${bo}/hours`).type('form').send({ [`hours-${bo}`]: '20', [`from-${bo}`]: '2025-05-01' });
      expect(withoutToken.status).toBe(403);
      expect(await counts()).toEqual(before);

      const hours = await browser.agent.post(`${employeesOf(0)}/${bo}/hours`).type('form').send({ _csrf: token, [`hours-${bo}`]: '20', [`from-${bo}`]: '2025-05-01' });
      expect(hours.status).toBe(303);
      expect(hours.headers.location).toBe(`${employeesOf(0)}?saved=hours`);
      expect(mainText((await browser.get(hours.headers.location)).text)).toContain('De nye timer er registreret.');
      expect((await placement(bo)).hoursHistory).toContainEqual({ effectiveFrom: '2025-05-01', weeklyHours: 20 });

      const end = await browser.agent.post(`${employeesOf(0)}/${hostile}/end`).type('form').send({ _csrf: token, [`endDate-${hostile}`]: '2025-06-30', [`reason-${hostile}`]: 'moved_to_ordinary_job' });
      expect(end.status).toBe(303);
      expect(await placement(hostile)).toMatchObject({ state: 'ended', endDate: '2025-06-30', endReason: 'moved_to_ordinary_job' });
    });
  });

  describe('another supplier', () => {
    it('gets 404 for another supplier\'s review and contract, and its posts change nothing', async () => {
      const browser = await signedInAs(1);
      const own = await browser.get(employeesOf(1));
      expect(own.status).toBe(200);
      const token = formTokenIn(own.text);
      const before = await counts();
      for (const path of [`/supplier/reviews/${review.april}`, `/supplier/reviews/${review.april}/receipt`, employeesOf(0), '/supplier/reviews/not-an-id', '/supplier/contracts/not-an-id/employees']) {
        const res = await browser.get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        expect(res.text).not.toContain('Bo Hansen');
      }
      const posts: [string, Record<string, string>][] = [
        [`/supplier/reviews/${review.april}`, { [`hours-${bo}`]: '5' }],
        [`${employeesOf(0)}/${bo}/hours`, { [`hours-${bo}`]: '5', [`from-${bo}`]: '2025-07-01' }],
        [`${employeesOf(0)}/${bo}/end`, { [`endDate-${bo}`]: '2025-07-01', [`reason-${bo}`]: 'dismissed' }],
        // Its own contract in the path, another supplier's placement: still not found.
        [`${employeesOf(1)}/${bo}/hours`, { [`hours-${bo}`]: '5', [`from-${bo}`]: '2025-07-01' }],
      ];
      for (const [path, fields] of posts) {
        const res = await browser.agent.post(path).type('form').send({ _csrf: token, ...fields });
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
      expect(await counts()).toEqual(before);
    });
  });
});
