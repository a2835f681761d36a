import type { Cache, ScopedMutator } from "swr";

/**
 * Applies `patch` to a cached value without refetching it. When nothing is cached yet (the page
 * still shows the server-rendered fallback), there is nothing to patch: writing through
 * `mutate(key, fn)` would store `undefined` and blank the view, so refetch instead.
 */
export function patchCached<T>(
  cache: Cache,
  mutate: ScopedMutator,
  key: string,
  patch: (value: T) => T,
): Promise<unknown> {
  if (cache.get(key)?.data === undefined) return mutate(key);
  return mutate<T>(key, (current) => (current === undefined ? current : patch(current)), {
    revalidate: false,
  });
}
