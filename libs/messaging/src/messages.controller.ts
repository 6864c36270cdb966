import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { ApiPageOf, type Page } from '@klausul/paging';
import { MessageListQuery, MessageView } from './message.dto';
import { MessageService } from './message.service';

/** The referral log: every message Klausul sent or will send, for the matchmaking unit. */
@ApiTags('messages')
@Roles('admin', 'procurement_caseworker', 'employment_caseworker')
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessageService) {}

  @Get()
  @ApiOperation({ summary: 'Messages of the municipality, a page at a time, newest first; filter by delivery status, template and related entity' })
  @ApiPageOf(MessageView)
  list(@CurrentActor() actor: Actor, @Query() query: MessageListQuery): Promise<Page<MessageView>> {
    return this.messages.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MessageView> {
    return this.messages.get(actor, id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a failed message back in line for delivery (after fixing the receiver); no-op unless it failed' })
  retry(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MessageView> {
    return this.messages.retry(actor, id);
  }
}
