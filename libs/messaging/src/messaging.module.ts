import { Global, Module } from '@nestjs/common';
import { AccountMail } from '@klausul/identity';
import { LinksModule } from '@klausul/links';
import { DeliverMessageHandler } from './deliver-message.handler';
import { MailSender } from './mail-sender';
import { MessageSendingRepository } from './message-sending.repository';
import { MessageService } from './message.service';
import { MessagesController } from './messages.controller';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookSender } from './webhook-sender';

/** Logging messages and queueing their delivery (API and worker); also makes the LinkBuilder injectable everywhere. */
@Global()
@Module({
  imports: [LinksModule],
  providers: [MessageService, WebhookEndpointRepository, { provide: AccountMail, useExisting: MessageService }],
  exports: [MessageService, WebhookEndpointRepository, AccountMail, LinksModule],
})
export class MessagingModule {}

/** The message log's routes (API). */
@Module({ controllers: [MessagesController] })
export class MessagingApiModule {}

/** Delivering messages by e-mail and webhook (worker processes). */
@Module({
  providers: [MailSender, MessageSendingRepository, WebhookSender, DeliverMessageHandler],
  exports: [MailSender, WebhookSender],
})
export class MessagingWorkerModule {}
