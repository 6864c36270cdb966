import { UnrecoverableError } from 'bullmq';
import type { AppConfig } from '@klausul/config';
import { verifyWebhookSignature, WebhookSender } from '@klausul/messaging';
import { freePort } from '../support/free-port';
import { WebhookReceiver } from './webhook-receiver';

describe('WebhookSender against a local receiver', () => {
  const receiver = new WebhookReceiver();
  const sender = new WebhookSender({ webhooks: { timeoutMs: 300 } } as AppConfig);
  const secret = 'sender-test-secret-0123456789';
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await receiver.start();
  });

  afterAll(() => receiver.stop());

  const send = (path: string, now = new Date()) =>
    sender.send({ url: `${baseUrl}${path}`, messageId: 'm-1', event: 'test', body: '{"a":1}', secret, now });

  it('signs with the timestamp of the attempt and reports the status', async () => {
    const now = new Date('2026-03-02T08:00:00Z');
    await expect(send('/ok', now)).resolves.toBe('HTTP 200');
    const [request] = receiver.on('/ok');
    expect(request.headers['x-klausul-timestamp']).toBe(String(now.getTime() / 1000));
    expect(verifyWebhookSignature(secret, String(now.getTime() / 1000), '{"a":1}', request.headers['x-klausul-signature'] as string, now)).toBe(true);
  });

  it.each([
    [500, 'webhook answered HTTP 500'],
    [503, 'webhook answered HTTP 503'],
    [429, 'webhook answered HTTP 429'],
    [408, 'webhook answered HTTP 408'],
  ])('throws a retryable error on %i', async (status, message) => {
    receiver.script(`/s${status}`, [status]);
    const error = await send(`/s${status}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UnrecoverableError);
    expect((error as Error).message).toBe(message);
  });

  it.each([400, 401, 404, 410, 302])('gives up at once (UnrecoverableError) on %i', async (status) => {
    receiver.script(`/p${status}`, [status]);
    const error = await send(`/p${status}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect((error as Error).message).toContain(`HTTP ${status}`);
  });

  it('throws a retryable error when the receiver does not answer in time', async () => {
    receiver.script('/slow', ['hang']);
    const started = Date.now();
    const error = await send('/slow').catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error).not.toBeInstanceOf(UnrecoverableError);
    expect((error as Error).message).toBe('webhook did not answer within 300 ms');
  });

  it('throws a retryable error when nothing listens, without naming the URL', async () => {
    const port = await freePort();
    const error = await sender
      .send({ url: `http://127.0.0.1:${port}/x?token=abc`, messageId: 'm', event: 'e', body: '{}', secret, now: new Date() })
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(UnrecoverableError);
    expect((error as Error).message).toBe('webhook could not be reached (ECONNREFUSED)');
  });
});
