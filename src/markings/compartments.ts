/** SCI control systems and SAP programs as trees (system → compartments → sub-compartments): merge, order, flatten. */

type Tree = Map<string, Map<string, Set<string>>>;

const ascii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `SI-G ABCD EFGH-ECRU` → system SI, compartment G (subs ABCD, EFGH), compartment ECRU. */
function addEntry(tree: Tree, entry: string): void {
  const [system, ...parts] = entry.split('-');
  const comps = tree.get(system!) ?? new Map<string, Set<string>>();
  tree.set(system!, comps);
  for (const part of parts) {
    const [comp, ...subs] = part.split(' ').filter(Boolean);
    if (!comp) continue;
    const set = comps.get(comp) ?? new Set<string>();
    comps.set(comp, set);
    for (const s of subs) set.add(s);
  }
}

/**
 * Union of compartmented entries in canonical form: systems ascending, then compartments and sub-compartments
 * ascending (ASCII: numbers before letters). `['TK', 'SI', 'SI-G ABCD']` → `['SI-G ABCD', 'TK']`.
 */
export function mergeCompartments(entries: Iterable<string>): string[] {
  const tree: Tree = new Map();
  for (const e of entries) addEntry(tree, e);
  return [...tree.keys()].sort(ascii).map((system) => {
    const comps = tree.get(system)!;
    const parts = [...comps.keys()].sort(ascii).map((c) => [c, ...[...comps.get(c)!].sort(ascii)].join(' '));
    return [system, ...parts].join('-');
  });
}

/** True when the entries are written in canonical order (systems, compartments and subs ascending). */
export function compartmentsAscending(entries: readonly string[]): boolean {
  const systems = entries.map((e) => e.split('-')[0]!);
  if (systems.some((s, i) => i > 0 && ascii(systems[i - 1]!, s) >= 0)) return false;
  return entries.every((e) => {
    const parts = e.split('-').slice(1);
    const comps = parts.map((p) => p.split(' ')[0]!);
    if (comps.some((c, i) => i > 0 && ascii(comps[i - 1]!, c) >= 0)) return false;
    return parts.every((p) => {
      const subs = p.split(' ').slice(1);
      return subs.every((s, i) => i === 0 || ascii(subs[i - 1]!, s) < 0);
    });
  });
}

/**
 * The access tokens an entry needs: `SI-G ABCD` needs `SI`, `SI-G` and `SI-G ABCD`. A holder of `SI-G ABCD` holds
 * all three, so "A's tokens contain B's" is the compartment half of dominance.
 */
export function compartmentTokens(entries: Iterable<string>, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const entry of entries) {
    const [system, ...parts] = entry.split('-');
    out.add(prefix + system);
    for (const part of parts) {
      const [comp, ...subs] = part.split(' ').filter(Boolean);
      if (!comp) continue;
      out.add(`${prefix}${system}-${comp}`);
      for (const s of subs) out.add(`${prefix}${system}-${comp} ${s}`);
    }
  }
  return out;
}
