/**
 * Tokens that passed verification, remembered until they would fail by their time claims: the same bytes
 * verify the same way until then, and a caller presents the same token again and again (a person's for
 * each request of a session, the gateway's own before every kept answer it serves). Bounded: the least
 * recently verified go first.
 */
export class VerifiedTokens<T> {
  readonly #held = new Map<string, { value: T; untilMs: number }>();

  constructor(private readonly capacity: number) {}

  get(token: string): T | undefined {
    const held = this.#held.get(token);
    if (!held) return undefined;
    if (Date.now() < held.untilMs) return held.value;
    this.#held.delete(token);
    return undefined;
  }

  /** Remembers `value` for `token` until `untilSeconds` (a JWT time, in seconds). */
  set(token: string, value: T, untilSeconds: number): void {
    this.#held.delete(token);
    this.#held.set(token, { value, untilMs: untilSeconds * 1000 });
    for (const oldest of this.#held.keys()) {
      if (this.#held.size <= this.capacity) break;
      this.#held.delete(oldest);
    }
  }
}
