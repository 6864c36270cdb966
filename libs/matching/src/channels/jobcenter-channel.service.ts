import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, ConflictError, NotFoundError, isUuid } from '@klausul/domain';
import { MessageService } from '@klausul/messaging';
import { Keyset, type Page } from '@klausul/paging';
import {
  CHANNEL_SORTS, type ChannelTestView, type CreateJobcenterChannelDto, type JobcenterChannelListQuery, type JobcenterChannelView, type MatchingSettingsDto,
} from './jobcenter-channel.dto';

/** The webhook event of a channel test (the e-mail's template is `channel-test`). */
export const CHANNEL_TEST_EVENT = 'channel.test';

const toView = (row: Record<string, any>): JobcenterChannelView => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  address: row.kind === 'webhook' ? row.url : row.address,
  active: row.active,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Where a municipality's forwarded job descriptions go (the secret of a webhook is never shown again). */
@Injectable()
export class JobcenterChannelService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly messages: MessageService,
  ) {}

  /** One page of the municipality's channels, the active ones unless asked for the removed. */
  async list(actor: Actor, query: JobcenterChannelListQuery): Promise<Page<JobcenterChannelView>> {
    const keyset = Keyset.of(query, CHANNEL_SORTS, 'createdAt', 'c.id');
    const params: unknown[] = [actor.municipalityId, query.active ?? true];
    const rows = await this.dataSource.query(
      `SELECT c.*, e.url, ${keyset.keyColumn} FROM jobcenter_channel c LEFT JOIN webhook_endpoint e ON e.id = c.endpoint_id
        WHERE c.municipality_id = $1 AND c.active = $2${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
    return keyset.page(rows, toView);
  }

  /** One channel, active or removed; another municipality's is not found. */
  async get(actor: Actor, id: string): Promise<JobcenterChannelView> {
    const [row] = isUuid(id)
      ? await this.dataSource.query(
        'SELECT c.*, e.url FROM jobcenter_channel c LEFT JOIN webhook_endpoint e ON e.id = c.endpoint_id WHERE c.id = $1 AND c.municipality_id = $2',
        [id, actor.municipalityId],
      )
      : [];
    if (!row) throw new NotFoundError('jobcenter channel', id);
    return toView(row);
  }

  /** A webhook channel gets its own signed endpoint (the messaging library delivers to it). */
  create(actor: Actor, dto: CreateJobcenterChannelDto): Promise<JobcenterChannelView> {
    return this.dataSource.transaction(async (manager) => {
      let endpointId: string | null = null;
      if (dto.kind === 'webhook') {
        const [endpoint] = await manager.query(
          `INSERT INTO webhook_endpoint (municipality_id, name, url, secret) VALUES ($1, $2, $3, $4)
           ON CONFLICT (municipality_id, name) DO NOTHING RETURNING id`,
          [actor.municipalityId, `jobcenter: ${dto.name}`, dto.address, dto.secret],
        );
        if (!endpoint) throw new ConflictError(`a webhook named ${dto.name} exists already`);
        endpointId = endpoint.id;
      }
      const [row] = await manager.query(
        `INSERT INTO jobcenter_channel (municipality_id, kind, name, address, endpoint_id) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [actor.municipalityId, dto.kind, dto.name, dto.kind === 'email' ? dto.address : null, endpointId],
      );
      return toView({ ...row, url: dto.kind === 'webhook' ? dto.address : undefined });
    });
  }

  async deactivate(actor: Actor, id: string): Promise<void> {
    const [, changed] = isUuid(id)
      ? await this.dataSource.query('UPDATE jobcenter_channel SET active = false WHERE id = $1 AND municipality_id = $2 AND active', [id, actor.municipalityId])
      : [[], 0];
    if (changed !== 1) throw new NotFoundError('jobcenter channel', id);
  }

  /**
   * Sends a test message to an active channel through the message log and the outbox, as a
   * forwarded job description would go: an e-mail (template channel-test) or a signed
   * webhook event channel.test. The log shows whether it was delivered.
   */
  async sendTest(actor: Actor, id: string): Promise<ChannelTestView> {
    return this.dataSource.transaction(async (manager) => {
      const [channel] = isUuid(id)
        ? await manager.query(
          `SELECT c.id, c.kind, c.name, c.address, c.endpoint_id, m.name AS municipality_name
             FROM jobcenter_channel c JOIN municipality m ON m.id = c.municipality_id
            WHERE c.id = $1 AND c.municipality_id = $2 AND c.active`,
          [id, actor.municipalityId],
        )
        : [];
      if (!channel) throw new NotFoundError('jobcenter channel', id);
      const related = { type: 'jobcenter_channel', id: channel.id as string };
      const [sentBy] = actor.userId ? await manager.query('SELECT display_name FROM app_user WHERE id = $1', [actor.userId]) : [];
      const [messageId] = channel.kind === 'webhook'
        ? await this.messages.composeWebhook(manager, [{
          municipalityId: actor.municipalityId, endpointId: channel.endpoint_id, event: CHANNEL_TEST_EVENT,
          data: { channelId: channel.id, channelName: channel.name }, subject: `Test: ${channel.name}`, related,
        }])
        : await this.messages.compose(manager, [{
          municipalityId: actor.municipalityId, recipient: channel.address, template: 'channel-test',
          data: { channelName: channel.name, municipalityName: channel.municipality_name, sentBy: sentBy?.display_name ?? null }, related,
        }]);
      return { channelId: channel.id, messageId };
    });
  }

  async settings(actor: Actor): Promise<MatchingSettingsDto> {
    const [row] = await this.dataSource.query(
      'SELECT candidate_working_days, retention_unsuccessful_months, retention_placement_months FROM matching_setting WHERE municipality_id = $1',
      [actor.municipalityId],
    );
    return {
      candidateWorkingDays: row?.candidate_working_days ?? 10,
      retentionUnsuccessfulMonths: row?.retention_unsuccessful_months ?? null,
      retentionPlacementMonths: row?.retention_placement_months ?? null,
    };
  }

  async updateSettings(actor: Actor, dto: MatchingSettingsDto): Promise<MatchingSettingsDto> {
    await this.dataSource.query(
      `INSERT INTO matching_setting (municipality_id, candidate_working_days, retention_unsuccessful_months, retention_placement_months)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality_id) DO UPDATE SET candidate_working_days = EXCLUDED.candidate_working_days,
         retention_unsuccessful_months = EXCLUDED.retention_unsuccessful_months,
         retention_placement_months = EXCLUDED.retention_placement_months, updated_at = now()`,
      [actor.municipalityId, dto.candidateWorkingDays, dto.retentionUnsuccessfulMonths ?? null, dto.retentionPlacementMonths ?? null],
    );
    return this.settings(actor);
  }
}
