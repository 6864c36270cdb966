import type { INestApplication } from '@nestjs/common';

/** A route as the running Express app holds it: method (upper case) and path pattern (`/admin/queues/api/queues/:queueName/pause`). */
export interface MountedRoute {
  method: string;
  path: string;
}

interface LayerLike {
  rawPath?: string | RegExp | (string | RegExp)[];
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[]; router?: { stack?: LayerLike[] } };
}

const join = (prefix: string, path: string) => `${prefix}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
const listOf = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * Every route of the running app, read from Express's router stack rather than the OpenAPI
 * document: Nest's routes, and those of routers and apps mounted beside them (the queue
 * dashboard), however deeply nested.
 */
export function expressRoutes(app: INestApplication): MountedRoute[] {
  const root = app.getHttpAdapter().getInstance() as { router: { stack: LayerLike[] } };
  const all = walk(root.router.stack, '');
  // Nest applies middleware (the request logger) as a route on every method of a path, and ends with a catch-all for its 404: neither is an endpoint.
  const middlewarePaths = new Set(all.filter((r) => r.method === 'ACL').map((r) => r.path));
  return all.filter((r) => r.method !== 'ALL' && !middlewarePaths.has(r.path));
}

function walk(stack: LayerLike[], prefix: string): MountedRoute[] {
  const routes: MountedRoute[] = [];
  for (const layer of stack) {
    if (layer.route) {
      for (const path of listOf(layer.route.path)) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on) routes.push({ method: method === '_all' ? 'ALL' : method.toUpperCase(), path: join(prefix, path) });
        }
      }
      continue;
    }
    const inner = layer.handle?.stack ?? layer.handle?.router?.stack;
    if (!inner) continue;
    for (const mount of listOf(layer.rawPath ?? '/')) {
      routes.push(...walk(inner, join(prefix, typeof mount === 'string' ? mount : String(mount))));
    }
  }
  return routes;
}

/** A concrete path for a pattern: each parameter gets the value named for it, else `fallback`. */
export function concretePath(pattern: string, values: Record<string, string>, fallback: string): string {
  return pattern
    .replace(/\{\/?\*(\w+)\}|\*(\w+)/g, (_m, a: string | undefined, b: string | undefined) => values[a ?? b ?? ''] ?? 'x')
    .replace(/:(\w+)/g, (_m, name: string) => values[name] ?? fallback);
}
