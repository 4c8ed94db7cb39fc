/** The current master key plus retired ones, looked up by key id, so old tokens decrypt during rotation. */
import { AssayError } from '../../errors/index.js';
import type { MasterKey } from './master-key.js';

/** Holds the key that encrypts new data and the retired keys that still decrypt old data. */
export class Keyring {
  readonly current: MasterKey;
  readonly #byId: ReadonlyMap<string, MasterKey>;

  /** `retired` may repeat `current`; duplicates collapse by id. */
  constructor(current: MasterKey, retired: readonly MasterKey[] = []) {
    this.current = current;
    this.#byId = new Map([...retired, current].map((k) => [k.id, k]));
  }

  /** Ids of every key held, current first. */
  get ids(): string[] {
    return [this.current.id, ...[...this.#byId.keys()].filter((id) => id !== this.current.id)];
  }

  /** True when this keyring holds the key `id`. */
  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** The key `id`; throws CONFIG_INVALID when it is not held (e.g. a retired key already dropped). */
  get(id: string): MasterKey {
    const key = this.#byId.get(id);
    if (!key) {
      throw new AssayError('CONFIG_INVALID', `The data was encrypted under master key ${id}, which this keyring does not hold (it holds ${this.ids.join(', ')}).`, {
        hint: 'Load the key file that still lists that key as retired, or restore it from the key backup.',
      });
    }
    return key;
  }

  /** Keys other than the current one. */
  get retired(): MasterKey[] {
    return [...this.#byId.values()].filter((k) => k.id !== this.current.id);
  }
}
