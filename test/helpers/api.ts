import type { TypedApp } from '../../src/server/app-context.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type ApiResponse = {
  status: number;
  // Tests read arbitrary JSON; zod on the server already checked its shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Record<string, string | string[] | number | undefined>;
};

/** A tiny client over app.inject that authenticates with the given headers. */
export function apiAs(app: TypedApp, headers: Record<string, string> = {}) {
  const call = async (method: Method, url: string, payload?: unknown): Promise<ApiResponse> => {
    const res = await app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
    });
    return {
      status: res.statusCode,
      body: res.body ? JSON.parse(res.body) : null,
      headers: res.headers,
    };
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload: unknown = {}) => call('POST', url, payload),
    patch: (url: string, payload: unknown) => call('PATCH', url, payload),
    put: (url: string, payload: unknown) => call('PUT', url, payload),
    delete: (url: string) => call('DELETE', url),
  };
}

export type Api = ReturnType<typeof apiAs>;
