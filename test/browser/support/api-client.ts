import { browserEnv } from './env';

/** A REST answer outside 2xx; the message names the call and the answer's code, never a credential. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    const code = (body as { code?: string; message?: unknown } | null)?.code;
    const message = (body as { message?: unknown } | null)?.message;
    super(`${method} ${path} answered ${status}${code ? ` ${code}` : ''}${message ? `: ${JSON.stringify(message)}` : ''}`);
    this.name = 'ApiError';
  }
}

export interface SignedInUser {
  id: string;
  email: string;
  displayName: string;
  role: string;
  municipality: { id: string; name: string };
  supplierId: string | null;
}

/**
 * Klausul's REST API as a system would call it: bearer token, JSON, no cookies (so the
 * session-cookie CSRF rule never applies and no browser state is shared with the pages).
 * Paths are relative to /api/v1.
 *
 *   const admin = await ApiClient.admin();
 *   const supplier = await admin.post<{ id: string }>('/suppliers', { cvr, name });
 */
export class ApiClient {
  private constructor(
    readonly baseUrl: string,
    private readonly token: string,
    readonly user: SignedInUser,
  ) {}

  /** Signs in with POST /api/v1/auth/login (10 attempts per minute per address; reuse clients). */
  static async signIn(email: string, password: string, baseUrl = browserEnv().baseUrl): Promise<ApiClient> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json().catch(() => null)) as { token: string; user: SignedInUser } | null;
    if (res.status !== 200 || !body) throw new ApiError('POST', '/auth/login', res.status, body);
    return new ApiClient(baseUrl, body.token, body.user);
  }

  private static adminClient?: Promise<ApiClient>;

  /** The run's first admin, signed in once per worker process. */
  static admin(): Promise<ApiClient> {
    if (!ApiClient.adminClient) {
      const { email, password } = browserEnv().admin;
      ApiClient.adminClient = ApiClient.signIn(email, password);
      ApiClient.adminClient.catch(() => (ApiClient.adminClient = undefined));
    }
    return ApiClient.adminClient;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    if (res.status < 200 || res.status >= 300) throw new ApiError(method, path, res.status, parsed);
    return parsed as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }
}
