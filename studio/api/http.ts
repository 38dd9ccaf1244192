/** The API's one error shape, as a throwable: status 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();

/** Called when a request answers 401 (the session expired): the app goes back to login. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string; details?: unknown } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error: unknown = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    'message' in error &&
    typeof error.code === 'string' &&
    typeof error.message === 'string'
  );
}

export interface RequestOptions {
  /** Don't announce a 401 (the login and "who am I" calls expect it). */
  quiet401?: boolean;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response;
  // A FormData body (a photo upload) goes as multipart, its boundary set by the browser.
  const form = body instanceof FormData;
  try {
    response = await fetch(path, {
      method,
      credentials: 'include',
      // A form (a file upload) sets its own multipart content type, with the boundary.
      headers:
        body === undefined || form
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Não foi possível falar com o servidor. Verifique sua conexão.');
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !options.quiet401) unauthorizedListeners.forEach((listener) => listener());
    if (isErrorBody(parsed)) {
      throw new ApiError(response.status, parsed.error.code, parsed.error.message, parsed.error.details);
    }
    throw new ApiError(response.status, 'http_' + response.status, 'O servidor respondeu com um erro inesperado.');
  }
  return parsed as T;
}
