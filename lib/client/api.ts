// Client-side access to /api/v1 with the browser's session cookie: one fetch helper, one error
// type carrying the problem+json answer, and the SWR fetcher built on them.
export type FieldProblem = { field: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: FieldProblem[] = [],
    /** The problem's `type` URI, to tell apart answers that share a status (409s). */
    readonly type?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function apiFetch<T>(
  url: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? "GET",
      headers: {
        accept: "application/json",
        ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "You appear to be offline. Check your connection and try again.");
  }
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = (data ?? {}) as { detail?: string; errors?: FieldProblem[]; type?: string };
    throw new ApiError(
      response.status,
      problem.detail ?? `The server answered ${response.status}. Try again in a moment.`,
      problem.errors ?? [],
      problem.type,
    );
  }
  return data as T;
}

export const swrFetcher = <T>(url: string) => apiFetch<T>(url);
