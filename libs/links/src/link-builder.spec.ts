import { LinkBuilder } from './link-builder';
import { PAGE_ROUTES, pagePath, PagePaths, type PageName } from './page-paths';

describe('PagePaths', () => {
  const id = '0b6f4a2e-1111-4c2b-9a61-2f1f6f0c9d11';

  it.each([
    [PagePaths.supplierStart(), '/supplier'],
    [PagePaths.supplierNewJobOrder(id), `/supplier/contracts/${id}/job-orders/new`],
    [PagePaths.supplierJobOrder(id), `/supplier/job-orders/${id}`],
    [PagePaths.supplierCandidates(id), `/supplier/job-orders/${id}/candidates`],
    [PagePaths.supplierEmployees(id), `/supplier/contracts/${id}/employees`],
    [PagePaths.supplierReview(id), `/supplier/reviews/${id}`],
    [PagePaths.confirm('eyJh.eyJi.c2ln'), '/confirm/eyJh.eyJi.c2ln'],
    [PagePaths.jobcenterInbox(), '/jobcenter'],
    [PagePaths.jobcenterJobOrder(id), `/jobcenter/job-orders/${id}`],
    [PagePaths.login(), '/login'],
    [PagePaths.invitation('abc_DEF-123'), '/invitation/abc_DEF-123'],
    [PagePaths.resetPassword('abc_DEF-123'), '/reset-password/abc_DEF-123'],
    [PagePaths.forgotPassword(), '/forgot-password'],
    [PagePaths.unit(), '/unit'],
  ])('%s is the page %s', (path, expected) => {
    expect(path).toBe(expected);
  });

  it('has one function per page', () => {
    expect(Object.keys(PagePaths).sort()).toEqual(Object.keys(PAGE_ROUTES).sort());
  });

  it('URL-encodes ids and tokens, so none can add a segment, a query or a fragment', () => {
    expect(PagePaths.confirm('a/../b?x=1#y')).toBe('/confirm/a%2F..%2Fb%3Fx%3D1%23y');
    expect(PagePaths.supplierJobOrder('ø å')).toBe('/supplier/job-orders/%C3%B8%20%C3%A5');
  });

  it('refuses an empty parameter instead of linking to the wrong page', () => {
    expect(() => PagePaths.supplierReview('')).toThrow('the page supplierReview needs reviewId');
    expect(() => pagePath('confirm', { token: undefined as unknown as string })).toThrow(/needs token/);
  });
});

describe('LinkBuilder', () => {
  it('puts PUBLIC_URL in front of the page path, whether or not it ends in a slash', () => {
    for (const base of ['https://klausul.odense.dk', 'https://klausul.odense.dk/']) {
      const links = new LinkBuilder(base);
      expect(links.supplierCandidates('42')).toBe('https://klausul.odense.dk/supplier/job-orders/42/candidates');
      expect(links.confirm('t.o.k')).toBe('https://klausul.odense.dk/confirm/t.o.k');
      expect(links.page('jobcenterJobOrder', { jobOrderId: '7' })).toBe('https://klausul.odense.dk/jobcenter/job-orders/7');
      expect(links.page('login')).toBe('https://klausul.odense.dk/login');
    }
  });

  it('keeps a path prefix of PUBLIC_URL (Klausul behind a proxy at /klausul)', () => {
    expect(new LinkBuilder('https://kommune.dk/klausul').unit()).toBe('https://kommune.dk/klausul/unit');
  });

  it('has a method for every page, giving the same path', () => {
    const links = new LinkBuilder('http://localhost:3000');
    for (const name of Object.keys(PAGE_ROUTES) as PageName[]) {
      const method = links[name] as (...args: string[]) => string;
      const path = (PagePaths[name] as (...args: string[]) => string)('x1');
      expect(method('x1')).toBe(`http://localhost:3000${path}`);
    }
  });

  it('refuses a public URL that is not an absolute http(s) URL', () => {
    expect(() => new LinkBuilder('klausul.odense.dk')).toThrow();
    expect(() => new LinkBuilder('javascript:alert(1)')).toThrow('http or https');
  });
});
