/** Atomic Energy Act markings: RD / FRD with -CNWDI and -SIGMA n, DOD UCNI, DOE UCNI, TFNI. */
import { AEA_SIMPLE, AEA_TITLES } from './vocabulary.js';

/** How an entry was written: banner form (`SIGMA`), portion form (`SG`), either, or a full title. */
export type WrittenForm = 'banner' | 'portion' | 'both' | 'title';

/** An RD or FRD entry read from text. */
export interface AeaData {
  base: 'RD' | 'FRD';
  cnwdi: boolean;
  sigmas: number[];
  written: WrittenForm;
}

const AEA_ORDER = ['RD', 'FRD', ...AEA_SIMPLE.map((d) => d.key)];

/** Reads `RD`, `RD-CNWDI`, `RD-SIGMA 14 20`, `RD-SG 20`, `FRD-SIGMA 1`, `RESTRICTED DATA`; null if not RD/FRD. */
export function readRdFrd(text: string): AeaData | null {
  const m = /^(RD|FRD|RESTRICTED DATA|FORMERLY RESTRICTED DATA)((?:-[A-Z0-9 ]+)*)$/.exec(text);
  if (!m) return null;
  const base = (AEA_TITLES[m[1]!] ?? m[1]) as 'RD' | 'FRD';
  let written: WrittenForm = m[1] === base ? 'both' : 'title';
  let cnwdi = false;
  const sigmas: number[] = [];
  for (const part of m[2]!.split('-').slice(1).map((p) => p.trim())) {
    const sigma = /^(SIGMA|SG) (\d+(?: \d+)*)$/.exec(part);
    if (part === 'CNWDI' && base === 'RD') cnwdi = true;
    else if (sigma) {
      sigmas.push(...sigma[2]!.split(' ').map(Number));
      if (written !== 'title') written = sigma[1] === 'SG' ? 'portion' : 'banner';
    } else return null;
  }
  return { base, cnwdi, sigmas, written };
}

function renderRdFrd(d: Omit<AeaData, 'written'>, form: 'banner' | 'portion'): string {
  const sigmas = [...new Set(d.sigmas)].sort((a, b) => a - b);
  return `${d.base}${d.cnwdi ? '-CNWDI' : ''}${sigmas.length ? `-${form === 'banner' ? 'SIGMA' : 'SG'} ${sigmas.join(' ')}` : ''}`;
}

/** Union of AEA entries (banner forms) in Register order, RD and FRD sigmas merged. */
export function mergeAea(entries: Iterable<string>): string[] {
  const rd = new Map<'RD' | 'FRD', { base: 'RD' | 'FRD'; cnwdi: boolean; sigmas: number[] }>();
  const simple = new Set<string>();
  for (const e of entries) {
    const d = readRdFrd(e);
    if (!d) {
      simple.add(e);
      continue;
    }
    const cur = rd.get(d.base) ?? { base: d.base, cnwdi: false, sigmas: [] };
    rd.set(d.base, { base: d.base, cnwdi: cur.cnwdi || d.cnwdi, sigmas: [...cur.sigmas, ...d.sigmas] });
  }
  return AEA_ORDER.flatMap((k) => {
    if (k === 'RD' || k === 'FRD') return rd.has(k) ? [renderRdFrd(rd.get(k)!, 'banner')] : [];
    return simple.has(k) ? [k] : [];
  });
}

/** The portion form of a banner-form AEA entry (`RD-SIGMA 20` → `RD-SG 20`, `DOD UCNI` → `DCNI`). */
export function aeaPortion(entry: string): string {
  const d = readRdFrd(entry);
  if (d) return renderRdFrd(d, 'portion');
  return AEA_SIMPLE.find((s) => s.key === entry)?.portion ?? entry;
}

/** Access tokens: `RD-CNWDI-SIGMA 20` needs `RD`, `RD-CNWDI` and `RD-SIGMA 20`. */
export function aeaTokens(entries: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const e of entries) {
    const d = readRdFrd(e);
    if (!d) {
      out.add(e);
      continue;
    }
    out.add(d.base);
    if (d.cnwdi) out.add(`${d.base}-CNWDI`);
    for (const s of d.sigmas) out.add(`${d.base}-SIGMA ${s}`);
  }
  return out;
}

/** Rank of an AEA entry in Register order (for order checks). */
export function aeaRank(entry: string): number {
  const d = readRdFrd(entry);
  return AEA_ORDER.indexOf(d ? d.base : entry);
}
