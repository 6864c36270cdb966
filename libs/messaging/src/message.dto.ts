import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery, type SortColumns, sortValues } from '@klausul/paging';
import { maskSecretLinks } from './message-mask';

export const MESSAGE_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type MessageDeliveryStatus = (typeof MESSAGE_DELIVERY_STATUSES)[number];

/** How the message log sorts (keyset columns; each has an index ending in (column, id)). */
export const MESSAGE_SORTS = {
  createdAt: { sql: 'm.created_at', type: 'timestamptz' },
} as const satisfies SortColumns;

/** A template or webhook event name (supplier-welcome, job-description.forwarded), or an entity type (contract, job_order). */
const NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export class MessageListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(MESSAGE_SORTS), default: '-createdAt' })
  @IsOptional()
  @IsIn(sortValues(MESSAGE_SORTS), { message: `sort must be one of: ${sortValues(MESSAGE_SORTS).join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({ enum: MESSAGE_DELIVERY_STATUSES, description: 'Delivery status' })
  @IsOptional()
  @IsIn(MESSAGE_DELIVERY_STATUSES, { message: `status must be one of: ${MESSAGE_DELIVERY_STATUSES.join(', ')}` })
  status?: MessageDeliveryStatus;

  @ApiPropertyOptional({ example: 'supplier-welcome', description: 'Which kind of message: its template, or for a webhook its event' })
  @IsOptional()
  @Matches(NAME, { message: 'template must be a template name (lower-case letters, digits, . _ -)' })
  template?: string;

  @ApiPropertyOptional({ example: 'contract', description: 'Only messages about this kind of entity' })
  @IsOptional()
  @Matches(NAME, { message: 'relatedType must be an entity type (lower-case letters, digits, . _ -)' })
  relatedType?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only messages about this entity (e.g. a contract or a job order)' })
  @IsOptional()
  @IsUUID('all', { message: 'relatedId must be a UUID' })
  relatedId?: string;
}

export class MessageRelatedView {
  @ApiProperty() type!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class MessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['email', 'webhook'] }) channel!: 'email' | 'webhook';
  @ApiProperty() template!: string;
  @ApiProperty() recipient!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ description: 'The text sent, except that a link carrying a secret (monthly confirmation, invitation, password reset) shows as e.g. …/confirm/•••' })
  text!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Masked like text' }) html!: string | null;
  @ApiProperty({ nullable: true, type: MessageRelatedView }) related!: MessageRelatedView | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'For the webhook channel: the endpoint (recipient is its URL, text the JSON body)' })
  webhookEndpointId!: string | null;
  @ApiProperty({ enum: MESSAGE_DELIVERY_STATUSES }) deliveryStatus!: MessageDeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) providerId!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
}

/** The log's view of a message: links that carry a secret show that they were sent, not the secret (see message-mask.ts). */
export function toMessageView(row: Record<string, any>): MessageView {
  return {
    id: row.id,
    channel: row.channel,
    template: row.template,
    recipient: row.recipient,
    subject: maskSecretLinks(row.subject),
    text: maskSecretLinks(row.body_text),
    html: maskSecretLinks(row.body_html),
    related: row.related_type ? { type: row.related_type, id: row.related_id } : null,
    webhookEndpointId: row.webhook_endpoint_id ?? null,
    deliveryStatus: row.delivery_status,
    attempts: row.attempts,
    providerId: row.provider_id,
    lastError: maskSecretLinks(row.last_error),
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
  };
}
