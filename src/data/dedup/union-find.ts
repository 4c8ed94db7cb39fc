/** Disjoint sets over dense indices 0..n−1; the root of a set is always its smallest index (the first document). */

/** Union-find with path halving; `union` keeps the smaller index as root so clusters keep their first member. */
export class UnionFind {
  private readonly parent: number[] = [];

  /** Adds a new singleton and returns its index. */
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }

  /** The root (smallest index) of the set holding `i`. */
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]!]!;
      i = p[i]!;
    }
    return i;
  }

  /** Merges the sets of `a` and `b`; returns false if they were already one set. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    return true;
  }

  /** How many elements have been added. */
  get size(): number {
    return this.parent.length;
  }
}
