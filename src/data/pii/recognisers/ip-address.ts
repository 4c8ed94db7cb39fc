/** IPv4 (dotted quad, octets 0–255, no leading zeros) and IPv6 (validated by node:net). */
import { isIPv6 } from 'node:net';
import { patternRecogniser } from '../recogniser.js';

const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g;
const IPV6 = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4})(?![\w:]|\.\d)/g;

/** True for a dotted-quad IPv4 address with every octet 0–255 and no leading zeros. */
export function ipv4Valid(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

const CONTEXT = ['ip', 'ipv4', 'ipv6', 'address', 'host', 'server', 'client', 'source', 'destination'];

/** Finds IPv4 addresses (0.6). */
export const ipv4Recogniser = patternRecogniser({
  type: 'IP_ADDRESS',
  context: CONTEXT,
  patterns: [{ regex: IPV4, score: 0.6 }],
  validate: (m) => ipv4Valid(m[0]),
});

/** Finds IPv6 addresses, including `::` compression and embedded IPv4 (0.6). */
export const ipv6Recogniser = patternRecogniser({
  type: 'IP_ADDRESS',
  context: CONTEXT,
  patterns: [{ regex: IPV6, score: 0.6 }],
  validate: (m) => isIPv6(m[0]) && m[0] !== '::',
});
