import { type INestApplication, RequestMethod, type Type } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY, WEB_FORM_KEY } from '@klausul/identity';

/** Where Nest's @Controller/@Get... decorators keep a route's path and method (stable since Nest 4). */
const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';

interface RoutePattern {
  method: string;
  segments: string[];
}

const segmentsOf = (path: string) => path.split('/').filter(Boolean).map((s) => s.toLowerCase());
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [typeof value === 'string' ? value : '']);

/**
 * The Nest routes exempt from the API's header CSRF rule, read from the controllers'
 * metadata: those marked @Public() (sign-in, the suppliers' review link) take no
 * credential, so a stray session cookie authenticates nothing there; those marked
 * @WebForms() (the web pages) are held to the form-token rule instead. Every other route
 * of the process, whichever router handles it, is held to the header rule.
 */
export function credentialFreeRoutes(app: INestApplication, globalPrefix: string): (method: string, path: string) => boolean {
  const reflector = app.get(Reflector);
  const patterns: RoutePattern[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller?.prototype) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler: unknown = name === 'constructor' ? undefined : controller.prototype[name];
        if (typeof handler !== 'function') continue;
        const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        const targets = [handler, controller];
        const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets);
        const webForm = reflector.getAllAndOverride<boolean>(WEB_FORM_KEY, targets);
        if (method === undefined || (!isPublic && !webForm)) continue;
        // Web pages sit outside the API prefix (see webRouteExclusions).
        const prefix = webForm ? '' : globalPrefix;
        for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const own of asList(Reflect.getMetadata(PATH_METADATA, handler))) {
            patterns.push({ method: RequestMethod[method], segments: segmentsOf(`${prefix}/${base}/${own}`) });
          }
        }
      }
    }
  }
  return (method, path) => {
    const segments = segmentsOf(path);
    return patterns.some(
      (p) =>
        (p.method === 'ALL' || p.method === method.toUpperCase()) &&
        p.segments.length === segments.length &&
        p.segments.every((s, i) => s.startsWith(':') || s === segments[i]),
    );
  };
}

/**
 * The web pages' routes (controllers marked @WebForms()), which the global prefix leaves
 * out: pages live at `/login`, `/supplier/...`, the REST API at `/api/v1/...`.
 */
export function webRouteExclusions(app: INestApplication): { path: string; method: RequestMethod }[] {
  const reflector = app.get(Reflector);
  const routes: { path: string; method: RequestMethod }[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller?.prototype || !reflector.get<boolean>(WEB_FORM_KEY, controller)) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler: unknown = name === 'constructor' ? undefined : controller.prototype[name];
        if (typeof handler !== 'function') continue;
        const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        if (method === undefined) continue;
        for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const own of asList(Reflect.getMetadata(PATH_METADATA, handler))) {
            routes.push({ path: `${base}/${own}`.split('/').filter(Boolean).join('/') || '/', method });
          }
        }
      }
    }
  }
  return routes;
}
