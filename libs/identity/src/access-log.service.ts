import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, InvalidInputError } from '@klausul/domain';
import { type Page, SerialKeyset } from '@klausul/paging';
import { type AccessLogEntryResponse, type AccessLogQuery, toAccessLogEntryResponse } from './access-log.dto';
import { AccessLogRepository } from './access-log.repository';

export interface AccessLogRecord {
  /** What was done, e.g. `read`, `export`. */
  action: string;
  /** What kind of thing holds the personal data, e.g. `candidate`. */
  subjectType: string;
  subjectId: string;
}

/**
 * The audit trail of reads of personal data. Every module that shows a candidate's
 * personal data calls `record`, inside its own transaction when it has one.
 */
@Injectable()
export class AccessLogService {
  constructor(private readonly entries: AccessLogRepository) {}

  async record(actor: Actor, entry: AccessLogRecord, manager?: EntityManager): Promise<void> {
    await this.recordMany(actor, { action: entry.action, subjectType: entry.subjectType, subjectIds: [entry.subjectId] }, manager);
  }

  /** One entry per person shown (e.g. a page of candidates), written in one statement. */
  async recordMany(actor: Actor, entry: { action: string; subjectType: string; subjectIds: readonly string[] }, manager?: EntityManager): Promise<void> {
    for (const field of ['action', 'subjectType'] as const) {
      if (!entry[field]) throw new InvalidInputError(`an access log entry needs ${field}`, { field });
    }
    if (entry.subjectIds.some((id) => !id)) throw new InvalidInputError('an access log entry needs subjectId', { field: 'subjectId' });
    await this.entries.append(
      entry.subjectIds.map((subjectId) => ({
        municipalityId: actor.municipalityId,
        actorUserId: actor.userId,
        actorApiKeyId: actor.apiKeyId,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId,
      })),
      manager,
    );
  }

  /** The actor's municipality's log, newest first. */
  async list(actor: Actor, query: AccessLogQuery): Promise<Page<AccessLogEntryResponse>> {
    const keyset = SerialKeyset.of(query, 'access-log', 'newest-first', 'e.id');
    return keyset.page(await this.entries.list(actor.municipalityId, { before: query.before }, keyset), toAccessLogEntryResponse);
  }
}
