import { IdentityFactory } from '../support/identity.factory';
import { useTestApi } from '../support/test-api';
import { formTokenIn, mainText, WebAgent } from '../support/web-agent';

describe('web pages: the foundation', () => {
  const api = useTestApi();

  it('sends everyone who is not signed in from / to the login page', async () => {
    const response = await new WebAgent(api.app).get('/');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/login');
  });

  it('serves the login page in Danish with a strict Content-Security-Policy', async () => {
    const response = await new WebAgent(api.app).get('/login');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<html lang="da"');
    expect(mainText(response.text)).toContain('Log ind');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('keeps the choice of English in a cookie and comes back to the page', async () => {
    const browser = new WebAgent(api.app);
    const switched = await browser.get('/language/en?next=%2Ftilgaengelighed');
    expect(switched.status).toBe(303);
    expect(switched.headers.location).toBe('/tilgaengelighed');
    const page = await browser.get('/tilgaengelighed');
    expect(page.text).toContain('<html lang="en"');
    expect(mainText(page.text)).toContain('Accessibility statement');
  });

  it('ignores a return address that leaves the site', async () => {
    for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      const response = await new WebAgent(api.app).get(`/language/en?next=${encodeURIComponent(next)}`);
      expect(response.headers.location).toBe('/');
    }
  });

  it('shows a wrong password in the error summary, keeps the address typed, and changes nothing', async () => {
    const identity = new IdentityFactory(api.app);
    const user = await identity.user({ role: 'supplier_hr' });
    const browser = new WebAgent(api.app);
    const response = await browser.submit('/login', { email: user.email, password: 'not the password' });
    expect(response.status).toBe(401);
    expect(response.text).toContain('data-module="error-summary"');
    // `email` is also an icon of DKFDS's sprite: the field's id steps aside.
    expect(response.text).toContain('href="#field-email"');
    expect(response.text).toContain('id="field-email"');
    expect(response.text).toContain(`value="${user.email}"`);
    expect((await browser.get('/')).headers.location).toBe('/login');
  });

  it('signs in, lands on the page the link pointed to, and signs out', async () => {
    const identity = new IdentityFactory(api.app);
    const user = await identity.user({ role: 'supplier_hr' });
    const browser = new WebAgent(api.app);
    const login = await browser.get('/login?next=%2Ftilgaengelighed');
    const response = await browser.agent.post('/login').type('form').send({ _csrf: formTokenIn(login.text), email: user.email, password: 'correct horse battery staple', next: '/tilgaengelighed' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/tilgaengelighed');
    const page = await browser.get('/tilgaengelighed');
    expect(mainText(page.text)).toContain('Tilgængelighedserklæring');
    expect(page.text).toContain(user.displayName);
    const out = await browser.agent.post('/logout').type('form').send({ _csrf: formTokenIn(page.text) });
    expect(out.status).toBe(303);
    expect((await browser.get('/')).headers.location).toBe('/login');
  });

  it('refuses a form post without the token, or with another browser\'s, with 403 and signs nobody in', async () => {
    const identity = new IdentityFactory(api.app);
    const user = await identity.user({ role: 'supplier_hr' });
    const mine = new WebAgent(api.app);
    await mine.get('/login');
    const without = await mine.agent.post('/login').type('form').send({ email: user.email, password: 'correct horse battery staple' });
    expect(without.status).toBe(403);
    const other = new WebAgent(api.app);
    const foreignToken = formTokenIn((await other.get('/login')).text);
    const foreign = await mine.agent.post('/login').type('form').send({ _csrf: foreignToken, email: user.email, password: 'correct horse battery staple' });
    expect(foreign.status).toBe(403);
    expect(mainText(foreign.text)).toContain('Formularen er udløbet');
    expect((await mine.get('/')).headers.location).toBe('/login');
  });

  it('answers an unknown page with the not-found page, and an unknown API path with JSON', async () => {
    const page = await new WebAgent(api.app).get('/no-such-page');
    expect(page.status).toBe(404);
    expect(mainText(page.text)).toContain('Siden findes ikke');
    const json = await new WebAgent(api.app).get('/api/v1/no-such-thing');
    expect(json.status).toBe(404);
    expect(json.body.code).toBe('NOT_FOUND');
  });
});
