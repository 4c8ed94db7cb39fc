/** The attack converter names, as a closed set: the task schema and the CONVERTERS map both derive from it. */

export const CONVERTER_NAMES = [
  'base64',
  'rot13',
  'leetspeak',
  'character_spacing',
  'homoglyph',
  'unicode_confusables',
  'reversed',
  'morse',
  'role_play',
  'refusal_suppression',
  'prefix_injection',
  'payload_splitting',
] as const;
export type ConverterName = (typeof CONVERTER_NAMES)[number];

/** True when `name` is a converter name. */
export function isConverterName(name: string): name is ConverterName {
  return (CONVERTER_NAMES as readonly string[]).includes(name);
}
