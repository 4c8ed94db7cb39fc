/** Renders parsed addresses back to readable header text: `Name <addr>`, groups as `Team: a, b;`. */
import type { Address } from 'postal-mime';

function mailbox(m: { name: string; address?: string | undefined }): string {
  if (!m.address) return m.name;
  return m.name ? `${m.name} <${m.address}>` : m.address;
}

/**
 * One address or a list of them as one line.
 * @example formatAddresses([{ name: 'Ann', address: 'ann@example.com' }]) // 'Ann <ann@example.com>'
 */
export function formatAddresses(value: Address | Address[] | undefined): string {
  if (!value) return '';
  const list = Array.isArray(value) ? value : [value];
  return list.map((a) => (a.group ? `${a.name}: ${a.group.map(mailbox).join(', ')};` : mailbox(a))).join(', ');
}
