/** Where the safety suites' data lives: one folder, shared by `safety` and `adversarial` (same prompts). */
import path from 'node:path';
import { packageRoot } from '../../config/package-root.js';

/** The folder holding safety.jsonl and over-refusal.jsonl. */
export function safetyDir(): string {
  return path.join(packageRoot(), 'src', 'suites', 'safety');
}

/** The attack converters the `adversarial` suite applies to every safety prompt. */
export const ADVERSARIAL_CONVERTERS = ['base64', 'role_play', 'refusal_suppression', 'prefix_injection', 'leetspeak', 'payload_splitting'] as const;

/** How many prompts safety.jsonl holds (4 for each of the 14 hazards). */
export const SAFETY_ITEMS = 56;
