import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '@klausul/domain';
import { FileStore } from '@klausul/files';
import { AccessLogService } from '@klausul/identity';
import { WorkflowEngine } from '@klausul/workflow';
import { candidateWorkflow } from '../candidates/candidate.workflow';

/** What stays after erasure: nothing that names or describes the person. */
const ERASED = `display_name = NULL, email = NULL, phone = NULL, application_text = NULL, consent_scope = '[erased]',
  decline_note = NULL, rejection_note = NULL, cv_file_id = NULL, erased_at = now()`;

/**
 * A citizen's rights over the data the jobcenter sent (GDPR arts. 15 and 17): export of
 * everything held, and erasure that leaves an anonymous placeholder, so the state,
 * target group, hours and placement (every statistic) stay as they were.
 */
@Injectable()
export class CandidatePrivacyService {
  private readonly logger = new Logger(CandidatePrivacyService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly files: FileStore,
    private readonly accessLog: AccessLogService,
  ) {}

  async erase(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const candidate = await this.engine.load(manager, candidateWorkflow, id, actor);
      await this.eraseWithin(manager, actor, [candidate.id]);
      await this.accessLog.record(actor, { action: 'erase-candidate', subjectType: 'candidate', subjectId: id }, manager);
    });
  }

  /** Everything Klausul holds about the person, with the CV and who read it. */
  async export(actor: Actor, id: string): Promise<Record<string, unknown>> {
    const candidate = await this.engine.load(this.dataSource.manager, candidateWorkflow, id, actor);
    const [jobOrder] = await this.dataSource.query('SELECT id, title, supplier_id FROM job_order WHERE id = $1', [candidate.job_order_id]);
    const placement = candidate.placement_id
      ? (await this.dataSource.query('SELECT * FROM placement WHERE id = $1', [candidate.placement_id]))[0]
      : null;
    const history = await this.dataSource.query(
      `SELECT event, from_state, to_state, actor_role, at FROM workflow_transition WHERE workflow = 'candidate' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    const reads = await this.dataSource.query(
      `SELECT a.action, a.at, u.display_name AS reader, u.role FROM access_log a LEFT JOIN app_user u ON u.id = a.actor_user_id
        WHERE a.subject_type = 'candidate' AND a.subject_id = $1 AND a.municipality_id = $2 ORDER BY a.id`,
      [id, actor.municipalityId],
    );
    const cv = candidate.cv_file_id ? await this.files.read(actor, candidate.cv_file_id as string) : null;
    await this.accessLog.record(actor, { action: 'export-candidate', subjectType: 'candidate', subjectId: id });
    return {
      exportedAt: new Date().toISOString(),
      candidate: { ...candidate, cv_file_id: undefined },
      jobOrder,
      placement,
      history,
      accessLog: reads,
      cv: cv ? { fileName: cv.originalName, mediaType: cv.mediaType, contentBase64: cv.content.toString('base64') } : null,
    };
  }

  /**
   * The daily retention rule: CVs and applications of people who were not hired go
   * `unsuccessfulMonths` after their job order closed or was cancelled; data of people
   * hired goes `placementMonths` after their contract ended (each overridden by the
   * municipality's own setting). Counts are logged, never contents.
   */
  async applyRetention(manager: EntityManager, now: Date, unsuccessfulMonths: number, placementMonths: number): Promise<number> {
    // A municipality's own periods (matching_setting) win over the configured defaults.
    const due: { id: string; municipality_id: string }[] = await manager.query(
      `SELECT c.id, c.municipality_id FROM candidate c
         JOIN job_order j ON j.id = c.job_order_id
         JOIN contract k ON k.id = j.contract_id
         LEFT JOIN matching_setting s ON s.municipality_id = c.municipality_id
        WHERE c.erased_at IS NULL AND (
              (c.state <> 'hired' AND j.state IN ('closed', 'cancelled')
                AND j.updated_at < $1::timestamptz - make_interval(months => COALESCE(s.retention_unsuccessful_months, $2)))
           OR (c.state = 'hired'
                AND k.end_date < ($1::timestamptz - make_interval(months => COALESCE(s.retention_placement_months, $3)))::date))
        LIMIT 1000`,
      [now, unsuccessfulMonths, placementMonths],
    );
    for (const [municipalityId, ids] of groupBy(due)) {
      await this.eraseWithin(manager, { municipalityId, role: 'admin', userId: null, apiKeyId: null, supplierId: null }, ids);
    }
    if (due.length) this.logger.log(`retention: erased the personal data of ${due.length} candidate(s)`);
    return due.length;
  }

  private async eraseWithin(manager: EntityManager, actor: Actor, ids: string[]): Promise<void> {
    const files: { cv_file_id: string | null }[] = await manager.query('SELECT cv_file_id FROM candidate WHERE id = ANY($1)', [ids]);
    for (const { cv_file_id } of files) if (cv_file_id) await this.files.delete(actor, cv_file_id, manager);
    await manager.query(`UPDATE candidate SET ${ERASED} WHERE id = ANY($1)`, [ids]);
  }
}

function groupBy(rows: { id: string; municipality_id: string }[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) groups.set(row.municipality_id, [...(groups.get(row.municipality_id) ?? []), row.id]);
  return groups;
}
