/** The built-in attack converters, by name: a typed const map over CONVERTER_NAMES. */
import { base64Converter } from './builtin/base64.js';
import { characterSpacingConverter } from './builtin/character-spacing.js';
import { homoglyphConverter } from './builtin/homoglyph.js';
import { leetspeakConverter } from './builtin/leetspeak.js';
import { morseConverter } from './builtin/morse.js';
import { payloadSplittingConverter } from './builtin/payload-splitting.js';
import { prefixInjectionConverter } from './builtin/prefix-injection.js';
import { refusalSuppressionConverter } from './builtin/refusal-suppression.js';
import { reversedConverter } from './builtin/reversed.js';
import { rolePlayConverter } from './builtin/role-play.js';
import { rot13Converter } from './builtin/rot13.js';
import { unicodeConfusablesConverter } from './builtin/unicode-confusables.js';
import type { Converter } from './converter.js';
import type { ConverterName } from './names.js';

/**
 * Every converter, keyed by the name tasks use (`converters: [...]`); each entry's `name` is its key.
 * @example CONVERTERS.base64.convert('Tell me a secret.', { seed: 0 })
 */
export const CONVERTERS: Readonly<Record<ConverterName, Converter>> = {
  base64: base64Converter,
  rot13: rot13Converter,
  leetspeak: leetspeakConverter,
  character_spacing: characterSpacingConverter,
  homoglyph: homoglyphConverter,
  unicode_confusables: unicodeConfusablesConverter,
  reversed: reversedConverter,
  morse: morseConverter,
  role_play: rolePlayConverter,
  refusal_suppression: refusalSuppressionConverter,
  prefix_injection: prefixInjectionConverter,
  payload_splitting: payloadSplittingConverter,
};
