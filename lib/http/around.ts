/**
 * What a surface runs around every handler (lib/http/route.ts calls it; /api/v1's is
 * lib/http/v1-platform.ts). `run` never throws: errors are answers by then.
 */
export type Around = (request: Request, requestId: string, run: () => Promise<Response>) => Promise<Response>;
