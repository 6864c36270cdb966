import { FollowupFactory } from '../support/followup.factory';
import { bearer } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';
import { eventually } from '../support/test-runtime';

describe('#12.4: the message log shows that a link was sent, not the link', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'true', OUTBOX_SWEEP_INTERVAL_MS: '200' });

  it('masks the monthly confirmation link in GET /messages and GET /messages/:id; the e-mail sent keeps the working link', async () => {
    const f = new FollowupFactory(api.app);
    const c = await f.case();
    await f.contracts.placement(c.contracts[0], { startDate: '2025-02-01', weeklyHours: 10 });
    await f.run(c.unit, '2025-03');

    const mail = await eventually(async () => f.requestsTo(c.hr[0].user.email, '2025-03')[0]);
    const tokens = [...mail.text.matchAll(/\/confirm\/([^\s"'<>]+)/g)].map((m) => m[1]);
    expect(tokens).toHaveLength(1);
    await api.http().get(`/api/v1/review-links/${tokens[0]}`).expect(200);

    for (const reader of [c.unit.employment, c.unit.procurement, c.unit.admin]) {
      const list = await api.http().get('/api/v1/messages?template=review-request&limit=200').set(bearer(reader.token)).expect(200);
      expect(list.body.items.length).toBeGreaterThanOrEqual(1);
      for (const item of list.body.items) {
        const one = await api.http().get(`/api/v1/messages/${item.id}`).set(bearer(reader.token)).expect(200);
        for (const shown of [JSON.stringify(item), JSON.stringify(one.body)]) {
          expect(shown).not.toContain(tokens[0]);
          expect(shown).not.toMatch(/confirm\/(?!•••)/);
        }
        expect(one.body.text).toContain('/confirm/•••');
        expect(one.body.html).toContain('/confirm/•••');
      }
    }
    // The row keeps what was sent: only its view is masked.
    const [row] = await f.contracts.identity.query<{ body_text: string }>("SELECT body_text FROM message WHERE template = 'review-request' AND body_text LIKE $1", [`%${tokens[0]}%`]);
    expect(row).toBeDefined();
  });
});
