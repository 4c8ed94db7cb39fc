/** The structured marking (modelled on IC-ISM attributes): banners and portions are rendered from it, never stored as text only. */
import type { CuiLdcKey, DissemKey, Level, NatoSpecial, NonIcKey } from './vocabulary.js';

/** A banner line (`SECRET//NOFORN`) or a portion mark (`(S//NF)`). */
export type MarkingForm = 'banner' | 'portion';

/** Whose classification: US, a foreign government (`//DEU SECRET`, `//FGI S`), JOINT, NATO, or CUI. */
export type MarkingScheme = 'us' | 'foreign' | 'joint' | 'nato' | 'cui';

/** One marking, in canonical form: lists sorted, controls as banner abbreviations. */
export interface Marking {
  form: MarkingForm;
  scheme: MarkingScheme;
  /** US-comparable level (NATO SECRET → S). CUI is U. */
  level: Level;
  /** Owners of foreign or JOINT information (`['DEU']`, `['CAN', 'GBR']`); empty for US, CUI, NATO and `//FGI S`. */
  owners: string[];
  /** NATO ATOMAL, BOHEMIA, BALK. */
  natoSpecial: NatoSpecial[];
  /** SCI control systems with compartments, e.g. `SI-G ABCD`, `TK`. */
  sci: string[];
  /** Special access programs without the `SAR-` prefix, e.g. `ABC-DEF 123`. */
  sap: string[];
  /** Atomic Energy Act markings in banner form, e.g. `RD-CNWDI`, `RD-SIGMA 20`, `DOD UCNI`. */
  aea: string[];
  /** FGI category: null when absent, `[]` when the source is concealed (`FGI`), else the source codes. */
  fgi: string[] | null;
  /** IC dissemination controls (banner abbreviations) in Register order, including `REL TO`, `EYES ONLY`, `DISPLAY ONLY`. */
  dissem: DissemKey[];
  /** The REL TO list (USA first) when `REL TO` is present; for a portion's bare `REL`, the banner's list if known. */
  relTo: string[];
  /** The portion used the shorthand `REL` (its list is the banner's). */
  relShort: boolean;
  /** USA/… EYES ONLY list (legacy NSA); a portion's bare `EYES` leaves it empty unless resolved from the banner. */
  eyes: string[];
  /** DISPLAY ONLY list. */
  displayOnly: string[];
  /** Non-IC dissemination controls (banner forms) in Register order. */
  nonIc: NonIcKey[];
  /** CUI categories (`SP-PRVCY`) and limited dissemination controls; null unless the scheme is CUI. */
  cui: { categories: string[]; ldc: CuiLdcKey[] } | null;
  /** Tokens we could not place; kept so nothing is silently dropped, and treated as caveats by `dominates`. */
  unknown: string[];
}

/** A marking with only a level. */
export function emptyMarking(form: MarkingForm, scheme: MarkingScheme, level: Level): Marking {
  return {
    form,
    scheme,
    level,
    owners: [],
    natoSpecial: [],
    sci: [],
    sap: [],
    aea: [],
    fgi: null,
    dissem: [],
    relTo: [],
    relShort: false,
    eyes: [],
    displayOnly: [],
    nonIc: [],
    cui: scheme === 'cui' ? { categories: [], ldc: [] } : null,
    unknown: [],
  };
}
