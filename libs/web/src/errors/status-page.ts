import type { Request, Response } from 'express';
import { pageLocals } from '../setup/page-locals';

/** The error pages a person can meet, each a title and a text in the catalogue (common.pages.*). */
export type StatusPage = 'notFound' | 'forbidden' | 'csrf' | 'unavailable' | 'error' | 'badRequest' | 'tooMany';

/** Renders one of the status pages with the given HTTP status, in the person's language. */
export function renderStatusPage(req: Request, res: Response, status: number, page: StatusPage): void {
  const locals = pageLocals(req, res);
  res.status(status).render('errors/status.njk', {
    ...locals,
    title: locals.t(`common.pages.${page}Title`),
    text: locals.t(`common.pages.${page}Text`),
  });
}
