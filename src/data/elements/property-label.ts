/** Checks a document's classification property (DOCX/XLSX `custom.Classification`) against its visible markings. */
import { dominates, levelRank, parseMarking, renderMarking, type ParseResult } from '../../markings/index.js';
import { rollupLabels } from './rollup-labels.js';

/**
 * Property names that hold a classification marking: custom properties named like `Classification`,
 * `Security Classification` or `ClassificationMarking`. Labelling tools' own label names (`MSIP_Label_*_Name`) are
 * organisation-defined words, not markings, and are left out.
 */
const CLASSIFICATION_KEY = /^custom\.(?:security[ _]?)?classification(?:[ _]?(?:level|marking|banner))?$/i;

/** A classification read from a document property. */
export interface PropertyMarking {
  /** The property key (`custom.Classification`). */
  key: string;
  /** Its value as written. */
  value: string;
  /** The normalised banner. */
  label: string;
}

const readable = (r: ParseResult) => r.marking !== null && !r.errors.some((e) => e.code === 'E_LEVEL' || e.code === 'E_UNKNOWN');

/**
 * The classification properties that read as markings (leniently: `Secret` is SECRET), in key order.
 * @example propertyMarkings({ 'custom.Classification': 'SECRET' }) // [{ key: 'custom.Classification', value: 'SECRET', label: 'SECRET' }]
 */
export function propertyMarkings(properties: Readonly<Record<string, string>>): PropertyMarking[] {
  const out: PropertyMarking[] = [];
  for (const key of Object.keys(properties).sort()) {
    const value = properties[key]!;
    if (!CLASSIFICATION_KEY.test(key) || !value.trim()) continue;
    const r = parseMarking(value.trim(), { form: 'any', lenient: true });
    if (readable(r)) out.push({ key, value, label: renderMarking(r.marking!, 'banner') });
  }
  return out;
}

/** The outcome: the document label (never lower than the visible one) and what a reviewer should look at. */
export interface PropertyCheck {
  /** The roll-up of the visible label and the properties. */
  label: string;
  /** The roll-up of the properties alone ('' when none names a classification). */
  fromProperties: string;
  warnings: string[];
}

const rank = (label: string) => {
  const m = parseMarking(label, { form: 'any', lenient: true }).marking;
  return m ? levelRank(m.level) : -1;
};

function compare(p: PropertyMarking, visible: string, path: string): string | null {
  const where = `${path}: property ${p.key} = "${p.value}"`;
  if (!visible) return `${where} but the document shows no marking; labelled ${p.label} from the property. Check the document's markings.`;
  const up = dominates(p.label, visible);
  const down = dominates(visible, p.label);
  if (up && down) return null;
  const [pr, vr] = [rank(p.label), rank(visible)];
  if (pr < vr || (pr === vr && down)) return `${where} names a lower classification (${p.label}) than the document's markings (${visible}); the label stays ${visible}. Fix the property or check the markings.`;
  if (pr > vr || (pr === vr && up)) return `${where} names a higher classification (${p.label}) than the document's markings (${visible}); labelled as the roll-up of both. A reviewer should check for unmarked or under-marked content.`;
  return `${where} (${p.label}) differs from the document's markings (${visible}); labelled as the roll-up of both. A reviewer should check.`;
}

/**
 * Compares each classification property with `visible` (the roll-up of the document's visible markings, '' when
 * none) and returns their roll-up as the label, with a warning for every property that is lower, higher or
 * different. The label is never lower than `visible`.
 * @example checkPropertyLabel({ properties: { 'custom.Classification': 'SECRET' }, visible: 'CONFIDENTIAL', path: 'a.docx' }).label // 'SECRET'
 */
export function checkPropertyLabel(input: { properties: Readonly<Record<string, string>>; visible: string; path: string }): PropertyCheck {
  const found = propertyMarkings(input.properties);
  const warnings = found.map((p) => compare(p, input.visible, input.path)).filter((w): w is string => w !== null);
  try {
    const fromProperties = rollupLabels(found.map((p) => p.label));
    return { label: rollupLabels([input.visible, fromProperties]), fromProperties, warnings };
  } catch {
    // Markings that cannot share one banner: keep what the document shows and leave the rest to a reviewer.
    const why = `${input.path}: classification properties (${found.map((p) => p.label).join(', ')}) cannot be combined with the document's markings (${input.visible || 'none'}); they were not used for the label. A reviewer should check.`;
    return { label: input.visible, fromProperties: '', warnings: [...warnings, why] };
  }
}
