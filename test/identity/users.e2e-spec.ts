import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bearer, IdentityFactory, login, type TestMunicipality, type TestUser } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

describe('user management', () => {
  let app: INestApplication;
  let identity: IdentityFactory;
  let odense: TestMunicipality;
  let admin: TestUser;
  let adminToken: string;
  let stranger: TestUser; // a user of another municipality
  const http = () => request(app.getHttpServer());
  const asAdmin = () => ({ ...bearer(adminToken) });
  const countUsers = async (email: string) =>
    (await identity.query('SELECT 1 FROM app_user WHERE email = $1', [email.toLowerCase()])).length;

  const api = useTestApi();

  beforeAll(async () => {
    app = api.app;
    identity = new IdentityFactory(app);
    odense = await identity.municipality();
    ({ user: admin, token: adminToken } = await identity.signedIn({ role: 'admin', municipalityId: odense.id }));
    stranger = await identity.user({ role: 'procurement_caseworker' });
  });

  it('creates a user in the admin’s municipality who can then sign in', async () => {
    const res = await http()
      .post('/api/v1/users')
      .set(asAdmin())
      .send({ email: 'Lone.Jensen@Odense.dk', displayName: 'Lone Jensen', role: 'employment_caseworker', password: 'lone has a long password' })
      .expect(201);

    expect(res.body).toMatchObject({
      email: 'lone.jensen@odense.dk',
      displayName: 'Lone Jensen',
      role: 'employment_caseworker',
      municipality: { id: odense.id, name: odense.name },
      supplierId: null,
      active: true,
    });
    expect(res.body).not.toHaveProperty('password');
    expect(res.body).not.toHaveProperty('passwordHash');
    const [row] = await identity.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE id = $1', [res.body.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    await login(app, 'lone.jensen@odense.dk', 'lone has a long password');
  });

  it('creates a supplier HR contact bound to a supplier', async () => {
    const supplierId = await identity.supplier(odense.id);
    const res = await http()
      .post('/api/v1/users')
      .set(asAdmin())
      .send({ email: 'hr@transport.example.test', displayName: 'HR', role: 'supplier_hr', supplierId, password: 'twelve chars!' })
      .expect(201);
    expect(res.body.supplierId).toBe(supplierId);
  });

  it("refuses a supplier that is not one of the municipality's with a 400 naming supplierId", async () => {
    const elsewhere = await identity.supplier((await identity.municipality()).id);
    const before = await identity.query('SELECT id FROM app_user');
    for (const supplierId of [elsewhere, '5b1f0b5e-7d4c-4a53-9d0e-3c1c7f0a6b21']) {
      const res = await http()
        .post('/api/v1/users')
        .set(asAdmin())
        .send({ email: `hr-${supplierId.slice(0, 4)}@transport.example.test`, displayName: 'HR', role: 'supplier_hr', supplierId, password: 'twelve chars!' })
        .expect(400);
      expect(res.body.message).toContain('supplierId');
    }
    expect(await identity.query('SELECT id FROM app_user')).toHaveLength(before.length);
  });

  it('lists only the users of the admin’s municipality', async () => {
    const res = await http().get('/api/v1/users').set(asAdmin()).expect(200);
    const ids = res.body.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(admin.id);
    expect(ids).not.toContain(stranger.id);
    expect(res.body.items.every((u: { municipality: { id: string } }) => u.municipality.id === odense.id)).toBe(true);
  });

  it('reads, renames, changes the role of and deactivates a user, ending their sessions', async () => {
    const { user, token } = await identity.signedIn({ municipalityId: odense.id, role: 'procurement_caseworker' });
    await http().get(`/api/v1/users/${user.id}`).set(asAdmin()).expect(200);

    const changed = await http()
      .patch(`/api/v1/users/${user.id}`)
      .set(asAdmin())
      .send({ displayName: 'Renamed', role: 'jobcenter_contact' })
      .expect(200);
    expect(changed.body).toMatchObject({ displayName: 'Renamed', role: 'jobcenter_contact', active: true });
    await http().get('/api/v1/me').set(bearer(token)).expect(200);

    const deactivated = await http().patch(`/api/v1/users/${user.id}`).set(asAdmin()).send({ active: false }).expect(200);
    expect(deactivated.body.active).toBe(false);
    await http().get('/api/v1/me').set(bearer(token)).expect(401);
    const live = await identity.query('SELECT 1 FROM user_session WHERE user_id = $1 AND revoked_at IS NULL', [user.id]);
    expect(live).toHaveLength(0);
    await http().post('/api/v1/auth/login').send({ email: user.email, password: user.password }).expect(401);
  });

  it('moves a user to supplier_hr only with a supplier, and clears the supplier when moving away', async () => {
    const user = await identity.user({ municipalityId: odense.id });
    const missing = await http().patch(`/api/v1/users/${user.id}`).set(asAdmin()).send({ role: 'supplier_hr' }).expect(400);
    expect(missing.body.message).toContain('supplierId');

    const supplierId = await identity.supplier(odense.id);
    await http().patch(`/api/v1/users/${user.id}`).set(asAdmin()).send({ role: 'supplier_hr', supplierId }).expect(200);
    const back = await http().patch(`/api/v1/users/${user.id}`).set(asAdmin()).send({ role: 'employment_caseworker' }).expect(200);
    expect(back.body.supplierId).toBeNull();
  });

  it('does not let an admin lock themselves out', async () => {
    const res = await http().patch(`/api/v1/users/${admin.id}`).set(asAdmin()).send({ active: false }).expect(400);
    expect(res.body.message).toContain('own account');
  });

  describe('across municipalities', () => {
    it('answers 404 for a user of another municipality, exactly as for one that does not exist', async () => {
      const other = await http().get(`/api/v1/users/${stranger.id}`).set(asAdmin()).expect(404);
      const none = await http().get('/api/v1/users/00000000-0000-4000-8000-000000000000').set(asAdmin()).expect(404);
      expect(other.body.code).toBe('NOT_FOUND');
      expect(Object.keys(other.body).sort()).toEqual(Object.keys(none.body).sort());
    });

    it('cannot change a user of another municipality', async () => {
      await http().patch(`/api/v1/users/${stranger.id}`).set(asAdmin()).send({ active: false, displayName: 'Hijacked' }).expect(404);
      const [row] = await identity.query<{ active: boolean; display_name: string }>(
        'SELECT active, display_name FROM app_user WHERE id = $1',
        [stranger.id],
      );
      expect(row).toEqual({ active: true, display_name: stranger.displayName });
    });
  });

  it('answers 409 for an e-mail address that is taken, in any municipality and any case', async () => {
    const res = await http()
      .post('/api/v1/users')
      .set(asAdmin())
      .send({ email: stranger.email.toUpperCase(), displayName: 'Copy', role: 'admin', password: 'long enough password' })
      .expect(409);
    expect(res.body.code).toBe('CONFLICT');
    expect(await countUsers(stranger.email)).toBe(1);
  });

  it.each([
    ['a missing e-mail address', { displayName: 'X', role: 'admin', password: 'long enough password' }, ['email']],
    ['a short password', { email: 'short@example.test', displayName: 'X', role: 'admin', password: 'short' }, ['password']],
    ['an unknown role', { email: 'role@example.test', displayName: 'X', role: 'mayor', password: 'long enough password' }, ['role']],
    [
      'supplier_hr without a supplier',
      { email: 'hr@example.test', displayName: 'X', role: 'supplier_hr', password: 'long enough password' },
      ['supplierId'],
    ],
    [
      'a supplier for another role',
      { email: 'cw@example.test', displayName: 'X', role: 'admin', supplierId: '0f5d3f5e-2b7a-4d0c-8f1e-6a9b8c7d6e5f', password: 'long enough password' },
      ['supplierId'],
    ],
    ['an unknown field', { email: 'x@example.test', displayName: 'X', role: 'admin', password: 'long enough password', isRoot: true }, ['isRoot']],
    ['several problems at once', { email: 'not-an-email', role: 'mayor', password: 'short' }, ['email', 'displayName', 'role', 'password']],
  ])('answers %s with a 400 naming the field and writes nothing', async (_case, body, fields) => {
    const before = await identity.query('SELECT id FROM app_user');
    const res = await http().post('/api/v1/users').set(asAdmin()).send(body).expect(400);
    for (const field of fields) expect(res.body.message).toContain(field);
    expect(await identity.query('SELECT id FROM app_user')).toHaveLength(before.length);
  });

  it('rejects a malformed user id with 400', async () => {
    await http().get('/api/v1/users/not-a-uuid').set(asAdmin()).expect(400);
  });

  it.each(['procurement_caseworker', 'employment_caseworker', 'jobcenter_contact', 'supplier_hr'] as const)(
    'refuses %s with 403 FORBIDDEN',
    async (role) => {
      const { token } = await identity.signedIn({ role, municipalityId: odense.id });
      const list = await http().get('/api/v1/users').set(bearer(token)).expect(403);
      expect(list.body.code).toBe('FORBIDDEN');
      await http()
        .post('/api/v1/users')
        .set(bearer(token))
        .send({ email: `sneaky-${role}@example.test`, displayName: 'X', role: 'admin', password: 'long enough password' })
        .expect(403);
      await http().patch(`/api/v1/users/${admin.id}`).set(bearer(token)).send({ active: false }).expect(403);
      await http().get('/api/v1/api-keys').set(bearer(token)).expect(403);
      await http().get('/api/v1/audit/access-log').set(bearer(token)).expect(403);
      expect(await countUsers(`sneaky-${role}@example.test`)).toBe(0);
    },
  );

  it('shows every role its own profile', async () => {
    const { user, token } = await identity.signedIn({ role: 'supplier_hr', municipalityId: odense.id });
    const me = await http().get('/api/v1/me').set(bearer(token)).expect(200);
    expect(me.body).toEqual({
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: 'supplier_hr',
      municipality: { id: odense.id, name: odense.name },
      supplierId: user.supplierId,
      active: true,
      createdAt: expect.any(String),
    });
  });
});
