/** The additional authenticated data that binds an encrypted field to its table, column and row. */

/** Where a field lives; every part goes into the AAD, so a token copied elsewhere fails to decrypt. */
export interface FieldLocation {
  table: string;
  column: string;
  rowId: string | number;
}

/**
 * An unambiguous AAD string for `location` (a JSON array, so no separator can be forged).
 * @example encryptField(text, { aad: fieldAad({ table: 'samples', column: 'output', rowId: 42 }), keyring })
 */
export function fieldAad(location: FieldLocation): string {
  return JSON.stringify([location.table, location.column, String(location.rowId)]);
}

/** The bytes GCM authenticates for a field: domain, token version and the caller's AAD. */
export function fieldAadBytes(aad: string, version: string): Buffer {
  return Buffer.from(`assay-field|${version}|${aad}`, 'utf8');
}
