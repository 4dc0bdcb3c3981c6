/** An error answered by the API, with the field it names (if any) for the form to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Options = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
};

/** fetch against /api/v1 with the session cookie; JSON in, JSON out, errors as ApiError. */
export async function api<T>(
  path: string,
  { method = 'GET', body, signal }: Options = {},
): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      // Error messages come back in the app's language (the i18n setup keeps <html lang> current).
      'accept-language': document.documentElement.lang || 'en',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
    signal: signal ?? null,
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const error = (
      json as {
        error?: {
          code?: string;
          message?: string;
          field?: string;
          details?: Record<string, unknown>;
        };
      } | null
    )?.error;
    throw new ApiError(
      res.status,
      error?.code ?? 'http_error',
      error?.message ?? res.statusText,
      error?.field,
      error?.details,
    );
  }
  return json as T;
}

/** Query string from an object, skipping empty values. */
export function query(
  params: Record<string, string | number | boolean | null | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
