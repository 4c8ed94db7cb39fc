/** The outcome of an access check: allowed or not, always with a reason fit for the audit log. */

/** Allow or deny, with the reason (AU-3 outcome and why). */
export type AccessDecision = { allowed: true; reason: string } | { allowed: false; reason: string };

/** An allow decision. */
export const allow = (reason: string): AccessDecision => ({ allowed: true, reason });

/** A deny decision. */
export const deny = (reason: string): AccessDecision => ({ allowed: false, reason });
