import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The parts of an OpenAPI schema the tests read. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Operation {
  path: string;
  method: Method;
  /** The JSON request body's schema, when the route documents one. */
  body?: Schema;
}

interface Document {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

/** A property inside a body: keys and array indexes from the top (`['placements', 0, 'note']`). */
export type PropertyPath = (string | number)[];

export interface SchemaLeaf {
  path: PropertyPath;
  kind: 'string' | 'number' | 'integer' | 'boolean' | 'object';
}

/** The running app's OpenAPI document, as the fuzz suite reads it. */
export function openApiOperations(app: INestApplication): { operations: Operation[]; resolve: (schema: Schema) => Schema } {
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().build()) as unknown as Document;
  const resolve = (schema: Schema): Schema => {
    let current = schema;
    for (let hops = 0; current.$ref && hops < 20; hops++) {
      current = document.components?.schemas?.[current.$ref.split('/').pop()!] ?? {};
    }
    return current;
  };
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({ path, method: method as Method, body: operation.requestBody?.content?.['application/json']?.schema })),
  );
  return { operations, resolve };
}

/** Every leaf property of a schema, $refs resolved, nested objects and arrays (one item) included. */
export function schemaLeaves(schema: Schema, resolve: (schema: Schema) => Schema, path: PropertyPath = [], seen: Schema[] = []): SchemaLeaf[] {
  const resolved = resolve(schema);
  if (seen.includes(resolved)) return [];
  const chain = [...seen, resolved];
  const parts = [...(resolved.allOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])];
  if (parts.length) return parts.flatMap((part) => schemaLeaves(part, resolve, path, chain));
  const type = Array.isArray(resolved.type) ? resolved.type.find((t) => t !== 'null') : resolved.type;
  if (type === 'array' || resolved.items) return resolved.items ? schemaLeaves(resolved.items, resolve, [...path, 0], chain) : [];
  if (type === 'object' || resolved.properties) {
    const properties = Object.entries(resolved.properties ?? {});
    if (!properties.length) return path.length ? [{ path, kind: 'object' }] : [];
    return properties.flatMap(([key, property]) => schemaLeaves(property, resolve, [...path, key], chain));
  }
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') return [{ path, kind: type }];
  if (resolved.enum?.every((value) => typeof value === 'string')) return [{ path, kind: 'string' }];
  return [];
}

/** A body holding only `value` at `path`: `{ placements: [{ note: value }] }`. */
export function bodyWith(path: PropertyPath, value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => (typeof key === 'number' ? [inner] : { [key]: inner }), value);
}

/** How the API names a path in its errors: `placements[0].note`. */
export function fieldName(path: PropertyPath): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${key}` : key), '');
}

/** A concrete URL for a documented path: ids are random UUIDs, other parameters plausible values. */
export function concretePath(path: string, id: string): string {
  const known: Record<string, string> = { year: '2026', event: 'close', name: 'probe', resource: 'probes', token: 'not-a-real-link-token' };
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => known[name] ?? id);
}
