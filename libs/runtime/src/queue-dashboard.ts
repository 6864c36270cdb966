import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { CredentialService, readCredential } from '@klausul/identity';
import { QueueName } from '@klausul/queue';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The operators' queue dashboard (bull-board) at /admin/queues, for admins only: the
 * same credentials as the API (session cookie, bearer token or API key of role admin).
 */
export function mountQueueDashboard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter,
  });
  const credentials = app.get(CredentialService, { strict: false });
  const adminsOnly = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const credential = readCredential(req as never);
      const authentication = credential ? await credentials.authenticate(credential) : null;
      if (!authentication) {
        res.status(401).json({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in as an admin first' });
        return;
      }
      if (authentication.actor.role !== 'admin') {
        res.status(403).json({ statusCode: 403, code: 'FORBIDDEN', message: 'Only admin may see the queue dashboard' });
        return;
      }
      next();
    } catch (error) {
      next(error);
    }
  };
  app.use(QUEUE_DASHBOARD_PATH, adminsOnly, serverAdapter.getRouter());
}
