/** Per-row warnings with a cap, so a file with a million bad rows gives a readable list and a count, not a million lines. */

/** Detailed warnings kept per file; the rest are counted. */
export const MAX_DETAILED_WARNINGS = 100;

/**
 * Collects warnings up to `max`; `list()` adds one line counting the ones left out.
 * @example const w = new CappedWarnings('a.csv'); w.add('line 3: 2 fields, expected 3'); w.list()
 */
export class CappedWarnings {
  #items: string[] = [];
  #dropped = 0;

  constructor(
    private readonly path: string,
    private readonly max = MAX_DETAILED_WARNINGS,
  ) {}

  /** Adds `${path}: ${message}`. */
  add(message: string): void {
    if (this.#items.length < this.max) this.#items.push(`${this.path}: ${message}`);
    else this.#dropped += 1;
  }

  get count(): number {
    return this.#items.length + this.#dropped;
  }

  list(): string[] {
    return this.#dropped === 0 ? [...this.#items] : [...this.#items, `${this.path}: ${this.#dropped} more problems of the same kinds (only the first ${this.max} are listed).`];
  }
}
