import type { EntityManager } from 'typeorm';
import type { Keyset } from '@klausul/paging';
import { CANDIDATE_COLUMNS } from './candidate.view';

export interface CandidateListScope {
  municipalityId: string;
  jobOrderId: string;
  /** The states the actor may see at all (a supplier's), or null for every state. */
  visibleStates: readonly string[] | null;
  state?: string;
}

/**
 * One page of a job order's candidates. A function rather than a repository class:
 * the follow-up module provides its own CandidateService, so the service takes no new
 * constructor dependencies.
 */
export function candidatePage(
  manager: EntityManager,
  scope: CandidateListScope,
  keyset: Keyset,
): Promise<(Record<string, any> & { id: string; page_key: string })[]> {
  const params: unknown[] = [scope.jobOrderId, scope.municipalityId];
  const where = ['c.job_order_id = $1', 'c.municipality_id = $2'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (scope.visibleStates) add('c.state = ANY(?::text[])', scope.visibleStates);
  if (scope.state) add('c.state = ?', scope.state);
  return manager.query(
    `SELECT ${CANDIDATE_COLUMNS}, ${keyset.keyColumn} FROM candidate c
      WHERE ${where.join(' AND ')}${keyset.condition(params)}${keyset.orderAndLimit}`,
    params,
  );
}
