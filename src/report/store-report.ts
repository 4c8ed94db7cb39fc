/**
 * Where a rendered report goes. A report Assay keeps for itself (`$ASSAY_HOME/reports`) is sealed at rest like the
 * transcripts it quotes: `<runId>.<ext>.enc`, AES-256-GCM under the store's keyring, AAD = its path relative to the
 * home. A report written to a path the user named (`--out`) is plaintext: that is an export, and is audited as one.
 */
import path from 'node:path';
import { assayHome, reportsDir } from '../config/paths.js';
import { writeFileAtomic } from '../files/write-file-atomic.js';
import type { FieldCipher } from '../governance/crypto/field-cipher.js';
import { sealFile } from '../governance/crypto/sealed-file.js';

/** Where a report was written and whether it is sealed. */
export interface StoredReport {
  path: string;
  sealed: boolean;
}

/**
 * Writes `text` to `out` in plaintext, or sealed under `$ASSAY_HOME/reports/<name>.enc` when `out` is undefined.
 * @example await storeReport({ text, name: 'r1.html', cipher: store.cipher }) // { path: '…/reports/r1.html.enc', sealed: true }
 */
export async function storeReport(args: { text: string; name: string; out?: string; cipher: FieldCipher; env?: NodeJS.ProcessEnv }): Promise<StoredReport> {
  if (args.out === undefined) {
    const plainFile = path.join(reportsDir(args.env), args.name);
    return { path: sealFile({ cipher: args.cipher, home: assayHome(args.env), plainFile, text: args.text }), sealed: true };
  }
  const file = path.resolve(args.out);
  await writeFileAtomic(file, args.text);
  return { path: file, sealed: false };
}
