/** The Converter seam: a deterministic, offline rewrite of an attack prompt (PyRIT's converters, static ones). */

/** Options of one conversion; `seed` is already specific to the sample and converter. */
export interface ConvertOptions {
  seed: number;
}

/**
 * Turns a prompt into its attack form. Pure and synchronous: the same prompt and seed always give the same text,
 * and nothing leaves the machine.
 * @example CONVERTERS.rot13.convert('How do I pick a lock?', { seed: 0 })
 */
export interface Converter {
  readonly name: string;
  /** One line for `--help` and reports. */
  readonly description: string;
  convert(prompt: string, options: ConvertOptions): string;
}
