import { Inject, Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature';

export interface OutgoingWebhook {
  url: string;
  /** Sent as X-Klausul-Message-Id on every attempt. */
  messageId: string;
  event: string;
  /** The JSON exactly as signed and sent. */
  body: string;
  secret: string;
  /** When this attempt is signed (the job's clock). */
  now: Date;
}

/** Answers that may succeed later: the receiver timed out or asked us to slow down. */
const RETRYABLE_CLIENT_ERRORS = new Set([408, 429]);

/**
 * POSTs signed JSON to a webhook endpoint with Node's fetch. 2xx is delivered; 5xx,
 * 408, 429, a timeout or a connection error throws (retried with backoff); any other
 * answer (4xx, a redirect, which is not followed) throws UnrecoverableError: the message
 * is marked failed until someone retries it. Errors name the status, never the URL or
 * the receiver's answer (either may hold secrets or personal data).
 */
@Injectable()
export class WebhookSender {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Returns what the message log keeps as provider id, e.g. `HTTP 204`. */
  async send(webhook: OutgoingWebhook): Promise<string> {
    const timestamp = Math.floor(webhook.now.getTime() / 1000);
    const timeoutMs = this.config.webhooks.timeoutMs;
    let response: Response;
    try {
      response = await fetch(webhook.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Klausul-Webhooks/1',
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(webhook.secret, timestamp, webhook.body),
          [WEBHOOK_HEADERS.messageId]: webhook.messageId,
          [WEBHOOK_HEADERS.event]: webhook.event,
        },
        body: webhook.body,
      });
    } catch (error) {
      throw new Error(describeFetchFailure(error, timeoutMs));
    }
    // The answer's body is not read: nothing in it changes the outcome.
    await response.body?.cancel().catch(() => undefined);
    const status = response.status;
    if (status >= 200 && status < 300) return `HTTP ${status}`;
    if (status >= 500 || RETRYABLE_CLIENT_ERRORS.has(status)) throw new Error(`webhook answered HTTP ${status}`);
    throw new UnrecoverableError(`webhook refused the message with HTTP ${status}; fix the receiver, then retry`);
  }
}

function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `webhook did not answer within ${timeoutMs} ms`;
  return `webhook could not be reached${e?.cause?.code ? ` (${e.cause.code})` : ''}`;
}
