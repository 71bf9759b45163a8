/**
 * The body of an Apollo plugin hook that awaits nothing, as the Promise the hook's type asks for.
 * The body runs at once, and a throw becomes a rejection, as from an `async` hook: Apollo calls one
 * hook of every plugin before awaiting them together, so one plugin refusing the operation still lets
 * the hooks of the plugins after it be called.
 */
export function hookResult<T>(body: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(body()));
}
