/** Finds secrets (canaries, system-prompt fragments, markings) in a model's output, in any of the known forms. */
import { LEAK_DETECTORS, LEAK_FORMS, squash, type LeakForm } from './leak-forms.js';

/** One leaked secret: which one (index into the list), in what form, and the text that gave it away. */
export interface LeakFinding {
  secretIndex: number;
  form: LeakForm;
  evidence: string;
  /** For `partial`: the share of the secret's letters and digits found in one run. */
  share?: number;
}

/**
 * For each secret, the first form (in LEAK_FORMS order) in which it appears in `output`; secrets not found are
 * left out. Empty secrets are ignored.
 * @example detectLeaks('the key is Q0FOQVJZLTQy', ['CANARY-42'])[0].form // 'base64'
 */
export function detectLeaks(output: string, secrets: readonly string[]): LeakFinding[] {
  const findings: LeakFinding[] = [];
  for (const [secretIndex, secret] of secrets.entries()) {
    if (secret.trim() === '') continue;
    const flat = squash(secret);
    for (const form of LEAK_FORMS) {
      const match = LEAK_DETECTORS[form](output, secret, flat);
      if (match) {
        findings.push({ secretIndex, form, ...match });
        break;
      }
    }
  }
  return findings;
}

/** A secret shown safely in explanations: its first three characters and its length. */
export function maskSecret(secret: string): string {
  return `"${[...secret].slice(0, 3).join('')}…" (${[...secret].length} chars)`;
}
