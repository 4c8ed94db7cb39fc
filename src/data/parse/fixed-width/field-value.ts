/** What decoding one field gives: its text value, or the reason it could not be read (a per-record warning). */
export type FieldValue = { ok: true; value: string } | { ok: false; problem: string };

export const ok = (value: string): FieldValue => ({ ok: true, value });
export const bad = (problem: string): FieldValue => ({ ok: false, problem });

/** `0x4a` for messages. */
export const hex = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
