import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bearer, IdentityFactory } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';

describe('HTTP hardening', () => {
  let app: INestApplication;
  let token: string;
  const http = () => request(app.getHttpServer());

  const api = useTestApi('postgres', { RUN_WORKER: 'false', CORS_ORIGINS: 'https://klausul.odense.dk' });

  beforeAll(async () => {
    app = api.app;
    token = (await new IdentityFactory(app).signedIn({ role: 'admin' })).token;
  });

  it('sends security headers and hides the framework', async () => {
    const res = await http().get('/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows only the configured origins to call it from a browser', async () => {
    const allowed = await http().options('/api/v1/me').set('Origin', 'https://klausul.odense.dk').set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://klausul.odense.dk');
    const refused = await http().options('/api/v1/me').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    ['malformed JSON', (r: request.Test) => r.set('Content-Type', 'application/json').send('{"name": '), 400],
    ['a body over 15 MB', (r: request.Test) => r.set('Content-Type', 'application/json').send(`{"x":"${'a'.repeat(16 * 1024 * 1024)}"}`), 413],
  ])('answers %s with a clean %s and no internals', async (_name, send, status) => {
    const res = await send(http().post('/api/v1/probes').set(bearer(token)));
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, code: expect.any(String), message: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|SELECT|QueryFailed/);
  });

  it('never answers 5xx for ids it cannot parse', async () => {
    for (const path of ['/api/v1/probes/%00', '/api/v1/users/1 OR 1=1', "/api/v1/job-orders/'", '/api/v1/candidates/../../etc']) {
      const res = await http().get(path).set(bearer(token));
      expect({ path, status: res.status < 500 }).toEqual({ path, status: true });
    }
  });
});
