import type { TestApi } from './test-api';
import { bearer } from './identity.factory';

/** One page of a list route, as every list answers it. */
export type Page = { items: Record<string, any>[]; nextCursor: string | null };

/**
 * Reading a list route as one signed-in user: a page, every row by following nextCursor at
 * one row a page (each page checked to hold at most one), and a refusal that must be a 400
 * naming the parameter.
 */
export function listReader(api: TestApi, token: () => string) {
  const read = async (path: string, query: Record<string, string | number> = {}): Promise<Page> =>
    (await api.http().get(path).query(query).set(bearer(token())).expect(200)).body;

  const onePerPage = async (path: string, query: Record<string, string> = {}, max = 40): Promise<Record<string, any>[]> => {
    const rows: Record<string, any>[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await read(path, { ...query, limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(1);
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && rows.length < max);
    return rows;
  };

  const refused = async (path: string, query: Record<string, string | number>, parameter: string) => {
    const res = await api.http().get(path).query(query).set(bearer(token()));
    expect({ query, status: res.status }).toEqual({ query, status: 400 });
    expect(res.body.message).toContain(parameter);
  };

  return { read, onePerPage, refused };
}
