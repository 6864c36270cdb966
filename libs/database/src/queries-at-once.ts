import type { EntityManager } from 'typeorm';

/**
 * Runs independent reads together on the pool, or one after another inside a
 * transaction: a transaction is one connection, and node-postgres stops queueing
 * overlapping queries on one client (deprecated now, removed in pg 9).
 */
export function queriesAtOnce<T extends readonly unknown[]>(manager: EntityManager, queries: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  const list = queries as readonly (() => Promise<unknown>)[];
  if (!manager.queryRunner) return Promise.all(list.map((query) => query())) as Promise<unknown> as Promise<T>;
  return list.reduce<Promise<unknown[]>>(async (done, query) => [...(await done), await query()], Promise.resolve([])) as Promise<unknown> as Promise<T>;
}
