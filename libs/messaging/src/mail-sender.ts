import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
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
    const timeoutMs = this.config.mail.timeoutMs;
    // No step may hang longer than the whole conversation may take (nodemailer's socket default is 10 minutes).
    this.transport = nodemailer.createTransport(
      { url: url!, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs },
      { from: this.config.mail.from },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.transport?.close();
    await this.catcher?.stop();
  }

  /**
   * Returns the relay's id for the message; throws when the relay does not accept it. The
   * whole conversation is cut off after SMTP_TIMEOUT_MS, so an attempt is never in flight
   * longer than that (the deliver handler relies on it before resending).
   */
  async send(mail: OutgoingMail): Promise<string> {
    if (!this.transport) throw new Error('the mail transport is not ready');
    // nodemailer 10 honours `signal` (its bundled typings predate it).
    const options: SendMailOptions & { signal: AbortSignal } = {
      messageId: mail.messageId,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      signal: AbortSignal.timeout(this.config.mail.timeoutMs),
    };
    const info = await this.transport.sendMail(options);
    return String(info.messageId ?? mail.messageId);
  }
}
