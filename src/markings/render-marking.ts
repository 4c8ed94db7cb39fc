/** Renders a structured marking as a canonical banner line or portion mark. */
import { aeaPortion } from './aea.js';
import { compareCountryCodes } from './countries.js';
import type { Marking, MarkingForm } from './marking.js';
import { DISSEM_CONTROLS, NATO_LEVELS, NON_IC_CONTROLS, US_LEVEL_WORDS, type Level } from './vocabulary.js';

function levelWord(level: Level, form: MarkingForm): string {
  if (form === 'portion') return level;
  return level === 'R' ? 'RESTRICTED' : US_LEVEL_WORDS[level];
}

function classificationPart(m: Marking, form: MarkingForm): string {
  const owners = [...m.owners].sort(compareCountryCodes).join(' ');
  switch (m.scheme) {
    case 'cui':
      return 'CUI';
    case 'nato':
      return `//${NATO_LEVELS[m.level][form]}`;
    case 'joint':
      return `//JOINT ${levelWord(m.level, form)} ${owners}`;
    case 'foreign':
      return `//${owners || 'FGI'} ${levelWord(m.level, form)}`;
    case 'us':
      return levelWord(m.level === 'R' ? 'C' : m.level, form);
  }
}

function dissemPart(m: Marking, form: MarkingForm): string {
  return m.dissem
    .map((key) => {
      if (key === 'REL TO') return m.relShort && (form === 'portion' || m.relTo.length === 0) ? 'REL' : `REL TO ${m.relTo.join(', ')}`;
      if (key === 'EYES ONLY') return form === 'portion' || m.eyes.length === 0 ? 'EYES' : `${m.eyes.join('/')} EYES ONLY`;
      if (key === 'DISPLAY ONLY') return `DISPLAY ONLY ${m.displayOnly.join(', ')}`;
      return form === 'banner' ? key : DISSEM_CONTROLS.find((d) => d.key === key)!.portion;
    })
    .join('/');
}

function cuiParts(m: Marking, form: MarkingForm): string[] {
  if (!m.cui) return [];
  const ldc = m.cui.ldc.map((key) => {
    if (key === 'REL TO') return `REL TO ${m.relTo.join(', ')}`;
    if (key === 'DISPLAY ONLY') return `DISPLAY ONLY ${m.displayOnly.join(', ')}`;
    return key === 'NOFORN' && form === 'portion' ? 'NF' : key;
  });
  return [m.cui.categories.join('/'), ldc.join('/')];
}

/**
 * The canonical text of a marking: a banner (`TOP SECRET//SI/TK//NOFORN`) or a portion (`(TS//SI/TK//NF)`).
 * @example renderMarking(parseMarking('(s//nf)').marking!, 'banner') // 'SECRET//NOFORN'
 */
export function renderMarking(m: Marking, form: MarkingForm = m.form): string {
  const parts = [
    classificationPart(m, form),
    m.natoSpecial.join('/'),
    m.sci.join('/'),
    m.sap.length ? `SAR-${m.sap.join('/')}` : '',
    (form === 'portion' ? m.aea.map(aeaPortion) : m.aea).join('/'),
    m.fgi === null ? '' : ['FGI', ...[...m.fgi].sort(compareCountryCodes)].join(' '),
    dissemPart(m, form),
    m.nonIc.map((key) => (form === 'banner' ? key : NON_IC_CONTROLS.find((d) => d.key === key)!.portion)).join('/'),
    ...cuiParts(m, form),
    m.unknown.join('/'),
  ].filter(Boolean);
  const text = parts.join('//');
  return form === 'portion' ? `(${text})` : text;
}
