/** AC-7 unsuccessful logon attempts: after N failures for one user from one address, refuse for a while. */

export class LoginThrottle {
  readonly #failures = new Map<string, { count: number; first: number }>();
  constructor(
    readonly max: number,
    readonly windowMs: number,
    readonly now: () => number,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may try now. */
  retryAfter(key: string): number {
    const f = this.#failures.get(key);
    if (!f) return 0;
    const elapsed = this.now() - f.first;
    if (elapsed >= this.windowMs) {
      this.#failures.delete(key);
      return 0;
    }
    return f.count >= this.max ? this.windowMs - elapsed : 0;
  }

  fail(key: string): void {
    // Forget windows that have ended, so spraying many user names cannot grow the map without bound.
    if (this.#failures.size >= 1024) for (const [k, v] of this.#failures) if (this.now() - v.first >= this.windowMs) this.#failures.delete(k);
    const f = this.#failures.get(key);
    if (!f || this.now() - f.first >= this.windowMs) this.#failures.set(key, { count: 1, first: this.now() });
    else f.count++;
  }

  /** Keys currently remembered (for tests and monitoring). */
  get size(): number {
    return this.#failures.size;
  }

  succeed(key: string): void {
    this.#failures.delete(key);
  }
}
