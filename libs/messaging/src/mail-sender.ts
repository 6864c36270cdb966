import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { SmtpCatcher } from './smtp-catcher';

export interface OutgoingMail {
  /** Deterministic, so a resend after a crash carries the same Message-ID. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Sends e-mail over SMTP (nodemailer): to SMTP_URL when set, otherwise to the in-process
 * catcher this provider starts (the embedded default; GET /api/v1/messages shows it all).
 */
@Injectable()
export class MailSender implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MailSender.name);
  private transport?: Transporter;
  readonly catcher?: SmtpCatcher;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (!config.mail.smtpUrl) this.catcher = new SmtpCatcher();
  }

  async onModuleInit(): Promise<void> {
    let url = this.config.mail.smtpUrl;
    if (this.catcher) {
      const port = await this.catcher.start();
      url = `smtp://127.0.0.1:${port}`;
      this.logger.log(`no SMTP_URL: e-mail goes to the in-process catcher on port ${port}`);
    }
    this.transport = nodemailer.createTransport(url!, { from: this.config.mail.from });
  }

  async onApplicationShutdown(): Promise<void> {
    this.transport?.close();
    await this.catcher?.stop();
  }

  /** Returns the relay's id for the message; throws when the relay does not accept it. */
  async send(mail: OutgoingMail): Promise<string> {
    if (!this.transport) throw new Error('the mail transport is not ready');
    const info = await this.transport.sendMail({
      messageId: mail.messageId,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    return String(info.messageId ?? mail.messageId);
  }
}
