import type { Request, Response } from 'express';
import { navigationFor } from './navigation';
import { pageLocals } from './page-locals';

/**
 * Renders a view with the layout's locals (language, translations, form token, viewer,
 * navigation) and the page's own model. `model.title` is the page's translated title.
 */
export function renderPage(req: Request, res: Response, view: string, model: Record<string, unknown> & { title: string }, status = 200): void {
  const locals = pageLocals(req, res);
  const navigation = locals.viewer ? navigationFor(locals.viewer.role, locals.t, req.path) : [];
  res.status(status).render(view, { ...locals, navigation, ...model });
}

/** Post/redirect/get: after a form succeeds the browser is sent to a page with 303 See Other. */
export function redirectAfterPost(res: Response, path: string): void {
  res.redirect(303, path);
}
