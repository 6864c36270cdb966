import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, InvalidInputError } from '@klausul/domain';
import { type AccessLogPage, toAccessLogEntryResponse } from './access-log.dto';
import { AccessLogRepository } from './access-log.repository';

export interface AccessLogRecord {
  /** What was done, e.g. `read`, `export`. */
  action: string;
  /** What kind of thing holds the personal data, e.g. `candidate`. */
  subjectType: string;
  subjectId: string;
}

const DEFAULT_PAGE_SIZE = 50;

/**
 * The audit trail of reads of personal data. Every module that shows a candidate's
 * personal data calls `record`, inside its own transaction when it has one.
 */
@Injectable()
export class AccessLogService {
  constructor(private readonly entries: AccessLogRepository) {}

  async record(actor: Actor, entry: AccessLogRecord, manager?: EntityManager): Promise<void> {
    for (const field of ['action', 'subjectType', 'subjectId'] as const) {
      if (!entry[field]) throw new InvalidInputError(`an access log entry needs ${field}`, { field });
    }
    await this.entries.append(
      {
        municipalityId: actor.municipalityId,
        actorUserId: actor.userId,
        actorApiKeyId: actor.apiKeyId,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
      },
      manager,
    );
  }

  /** The actor's municipality's log, newest first. */
  async list(actor: Actor, page: { limit?: number; before?: string }): Promise<AccessLogPage> {
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.entries.page(actor.municipalityId, limit + 1, page.before);
    const items = rows.slice(0, limit).map(toAccessLogEntryResponse);
    return { items, nextBefore: rows.length > limit ? items[items.length - 1].id : null };
  }
}
