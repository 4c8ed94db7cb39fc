/** The classification banner: the run's marking, coloured by its level, at the top and bottom of the page. */
import { escapeHtml } from './escape-html.js';

/** Banner colours by level (the usual marking colours); `unknown` for markings we do not recognise. */
export const CLASSIFICATION_LEVELS = {
  'top-secret': { background: '#ff8c00', color: '#000000' },
  secret: { background: '#c8102e', color: '#ffffff' },
  confidential: { background: '#0033a0', color: '#ffffff' },
  cui: { background: '#502b85', color: '#ffffff' },
  unclassified: { background: '#007a33', color: '#ffffff' },
  unknown: { background: '#595959', color: '#ffffff' },
} as const satisfies Record<string, { background: string; color: string }>;

export type ClassificationLevel = keyof typeof CLASSIFICATION_LEVELS;

/** The level named by a marking's first word(s), e.g. `SECRET//NOFORN` → `secret`, `TOP SECRET//SCI` → `top-secret`. */
export function classificationLevel(label: string): ClassificationLevel {
  const head = label.trim().toUpperCase().split('//')[0]!.trim();
  if (/^TOP[\s_-]*SECRET\b/.test(head)) return 'top-secret';
  const first = head.split(/[\s/(]+/)[0] ?? '';
  if (first === 'SECRET') return 'secret';
  if (first === 'CONFIDENTIAL') return 'confidential';
  if (first === 'CUI' || first === 'CONTROLLED') return 'cui';
  if (first === 'UNCLASSIFIED' || first === 'U') return 'unclassified';
  return 'unknown';
}

/** One banner `<div>`; the label is escaped and `position` picks the sticky edge. */
export function classificationBanner(label: string, position: 'top' | 'bottom'): string {
  const level = classificationLevel(label);
  return `<div class="banner banner-${position} cls-${level}" role="note" aria-label="Classification">${escapeHtml(label || 'UNMARKED')}</div>`;
}

/** CSS rules for the `cls-*` classes, built from CLASSIFICATION_LEVELS. */
export function classificationCss(): string {
  return Object.entries(CLASSIFICATION_LEVELS)
    .map(([level, c]) => `.cls-${level}{background:${c.background};color:${c.color}}`)
    .join('\n');
}
