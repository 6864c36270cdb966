import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class MessageQueryDto {
  @ApiPropertyOptional({ description: 'At most this many messages (1-500, default 100)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only messages about this entity (e.g. a contract or a job order)' })
  @IsOptional()
  @IsUUID()
  related?: string;
}

export interface MessageView {
  id: string;
  channel: 'email' | 'webhook';
  template: string;
  recipient: string;
  subject: string;
  text: string;
  html: string | null;
  related: { type: string; id: string } | null;
  /** For the webhook channel: the endpoint (recipient is its URL, text the JSON body). */
  webhookEndpointId: string | null;
  deliveryStatus: 'pending' | 'delivered' | 'failed';
  attempts: number;
  providerId: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export function toMessageView(row: Record<string, any>): MessageView {
  return {
    id: row.id,
    channel: row.channel,
    template: row.template,
    recipient: row.recipient,
    subject: row.subject,
    text: row.body_text,
    html: row.body_html,
    related: row.related_type ? { type: row.related_type, id: row.related_id } : null,
    webhookEndpointId: row.webhook_endpoint_id ?? null,
    deliveryStatus: row.delivery_status,
    attempts: row.attempts,
    providerId: row.provider_id,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
  };
}
