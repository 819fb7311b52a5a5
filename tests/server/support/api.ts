import http from 'node:http';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

/** Minimal HTTP client of the tests: JSON in, status and JSON out, optional bearer token. */
export function apiClient(baseUrl: string) {
  async function call<T>(method: 'GET' | 'POST', path: string, token?: string, body?: unknown, rawBody?: string): Promise<ApiAnswer<T>> {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
  return {
    get: <T = unknown>(path: string, token?: string) => call<T>('GET', path, token),
    post: <T = unknown>(path: string, token: string | undefined, body: unknown) => call<T>('POST', path, token, body),
    postRaw: <T = unknown>(path: string, token: string | undefined, rawBody: string) => call<T>('POST', path, token, undefined, rawBody),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

/**
 * Announces an oversized body (Content-Length) and waits for the verdict
 * without sending it: the server must answer 413 from the header alone, and
 * the test does not race the server closing the socket mid-upload (EPIPE).
 */
export function postOversized(baseUrl: string, path: string, token: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': bytes },
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    request.on('error', reject);
    request.flushHeaders();
  });
}
