import { ContractsFactory } from '../support/contracts.factory';
import { bearer } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

const ID = '6f1c9a52-3b1e-4c47-9d0a-1f2e3d4c5b6a';
/** A cursor shaped as Klausul writes one ([sort, value, id] as base64url JSON), with a value of the client's choosing. */
const cursorOf = (sort: string, value: string, id = ID) => Buffer.from(JSON.stringify([sort, value, id]), 'utf8').toString('base64url');

describe('paging: a well-formed cursor whose sort value is not of the column type', () => {
  const api = useTestApi('postgres', { RUN_WORKER: 'false' });
  let token: string;

  beforeAll(async () => {
    const unit = await new ContractsFactory(api.app).unit();
    token = unit.procurement.token;
  });

  // Each list's sort column is cast to its type in the query: a value the cast refuses was a 500.
  it.each([
    ['/api/v1/tenders', {}, cursorOf('-createdAt', 'x')],
    ['/api/v1/tenders', {}, cursorOf('-createdAt', '2025-13-01 00:00:00+00')],
    ['/api/v1/contracts', {}, cursorOf('-startDate', 'x')],
    ['/api/v1/contracts', {}, cursorOf('-startDate', '2025-02-30')],
    ['/api/v1/contracts', { sort: 'status' }, cursorOf('status', 'x')],
    ['/api/v1/contracts', { sort: 'status' }, cursorOf('status', '99999999999')],
    ['/api/v1/reviews', {}, cursorOf('-period', 'a\u0000b')],
    ['/api/v1/job-orders', {}, cursorOf('-createdAt', 'soon')],
  ])('GET %s %j with a tampered cursor is a 400 naming cursor', async (path, query, cursor) => {
    const res = await api.http().get(path).query({ ...query, cursor }).set(bearer(token));
    expect({ path, cursor, status: res.status }).toEqual({ path, cursor, status: 400 });
    expect(res.body).toMatchObject({ code: 'INVALID_INPUT', details: { fields: ['cursor'] } });
    expect(res.body.message).toContain('cursor');
  });

  it.each([
    ['/api/v1/tenders', {}, cursorOf('-createdAt', '2025-03-01 09:15:00.123456+00')],
    ['/api/v1/contracts', {}, cursorOf('-startDate', '2025-03-01')],
    ['/api/v1/contracts', { sort: 'firstHireDueOn' }, cursorOf('firstHireDueOn', 'infinity')],
    ['/api/v1/contracts', { sort: 'status' }, cursorOf('status', '2')],
    ['/api/v1/reviews', {}, cursorOf('-period', '2025-03')],
  ])('GET %s %j with a cursor of the column type reads the page after it', async (path, query, cursor) => {
    const res = await api.http().get(path).query({ ...query, cursor }).set(bearer(token));
    expect({ path, cursor, status: res.status }).toEqual({ path, cursor, status: 200 });
    expect(res.body).toEqual({ items: expect.any(Array), nextCursor: null });
  });
});
