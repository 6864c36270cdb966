import { Global, Module } from '@nestjs/common';
import { DeliverMessageHandler } from './deliver-message.handler';
import { MailSender } from './mail-sender';
import { MessageService } from './message.service';
import { MessagesController } from './messages.controller';

/** Logging messages and queueing their delivery (API and worker). */
@Global()
@Module({ providers: [MessageService], exports: [MessageService] })
export class MessagingModule {}

/** The message log's routes (API). */
@Module({ controllers: [MessagesController] })
export class MessagingApiModule {}

/** Delivering messages (worker processes). */
@Module({ providers: [MailSender, DeliverMessageHandler], exports: [MailSender] })
export class MessagingWorkerModule {}
