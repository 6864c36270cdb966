import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type NextFunction, type Request, type Response, Router } from 'express';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { OPERATOR_ROLE } from '@klausul/domain';
import { CredentialService, readCredential, SAFE_METHODS } from '@klausul/identity';
import { QueueName } from '@klausul/queue';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

const refuse = (res: Response, statusCode: 401 | 403, message: string) =>
  res.status(statusCode).type('application/json').json({ statusCode, code: statusCode === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message });

/**
 * The queue dashboard (bull-board) at /admin/queues, for the installation's operator only:
 * its queues hold every municipality's jobs, so no municipality's admin may see or move them.
 * Read-only unless QUEUE_DASHBOARD_WRITES=true (then the operator may add, retry, pause...).
 * Same credentials as the API; the CSRF rule runs in front of every router (csrfMiddleware).
 */
export function mountQueueDashboard(app: INestApplication): void {
  const { writes } = app.get<AppConfig>(APP_CONFIG, { strict: false }).queueDashboard;
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    // readOnlyMode hides the buttons and makes bull-board refuse changes itself, behind the refusal below.
    queues: Object.values(QueueName).map(
      (name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }), { readOnlyMode: !writes }),
    ),
    serverAdapter,
  });
  const credentials = app.get(CredentialService, { strict: false });
  const operatorOnly = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const credential = readCredential(req as never);
      const authentication = credential ? await credentials.authenticate(credential) : null;
      if (!authentication) return void refuse(res, 401, 'Sign in as the operator first');
      if (authentication.actor.role !== OPERATOR_ROLE) {
        return void refuse(res, 403, "Only the installation's operator may use the queue dashboard: it holds every municipality's jobs");
      }
      if (!writes && !SAFE_METHODS.has(req.method)) {
        return void refuse(res, 403, 'The queue dashboard is read-only; set QUEUE_DASHBOARD_WRITES=true to change queues from it');
      }
      next();
    } catch (error) {
      next(error);
    }
  };
  // One router holding the guard and the board, so the running app's route list shows the board's routes under it.
  const dashboard = Router();
  dashboard.use(operatorOnly, serverAdapter.getRouter());
  app.use(QUEUE_DASHBOARD_PATH, dashboard);
}
