// "A stolen database without the key reveals no plaintext": encrypted transcripts in a real SQLite file.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptField, encryptField, fieldAad, generateMasterKey, Keyring } from '../../src/governance/crypto/index.js';

const TRANSCRIPTS = [
  'User: what is the launch code for site Bravo? Assistant: I cannot share the launch code 7734-ALPHA-NINER.',
  'The patient John Q. Example, DOB 1970-01-01, reported chest pain at 03:00.',
  'Operation NIGHTJAR begins at dawn on the northern ridge; rendezvous at grid 38SMB4484.',
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'assay-crypto-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('encryption at rest in SQLite', () => {
  it('leaves no plaintext, nor any 12-character run of it, in the raw database file', () => {
    const keyring = new Keyring(generateMasterKey());
    const file = path.join(dir, 'assay.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = DELETE'); // everything lands in the main file, not a WAL beside it
    db.exec('CREATE TABLE transcripts (id INTEGER PRIMARY KEY, label TEXT NOT NULL, text TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO transcripts (id, label, text) VALUES (?, ?, ?)');
    TRANSCRIPTS.forEach((text, id) => insert.run(id, 'U', encryptField(text, { aad: fieldAad({ table: 'transcripts', column: 'text', rowId: id }), keyring })));
    db.close();

    const raw = readFileSync(file);
    const asText = raw.toString('latin1');
    expect(asText).toContain('enc1.'); // the tokens are really in there
    for (const text of TRANSCRIPTS) {
      expect(raw.includes(Buffer.from(text, 'utf8'))).toBe(false);
      for (let i = 0; i + 12 <= text.length; i++) {
        const run = text.slice(i, i + 12);
        expect(asText.includes(run), `"${run}" found in the file`).toBe(false);
      }
    }
    for (const word of ['launch code', 'NIGHTJAR', 'chest pain', '7734-ALPHA']) expect(asText).not.toContain(word);

    // With the key, the same file gives everything back; rows swapped between ids do not.
    const reopened = new Database(file, { readonly: true });
    const rows = reopened.prepare('SELECT id, text FROM transcripts ORDER BY id').all() as { id: number; text: string }[];
    reopened.close();
    expect(rows.map((r) => decryptField(r.text, { aad: fieldAad({ table: 'transcripts', column: 'text', rowId: r.id }), keyring }))).toEqual(TRANSCRIPTS);
    const [row0, row1] = rows;
    expect(() => decryptField(row0?.text ?? '', { aad: fieldAad({ table: 'transcripts', column: 'text', rowId: row1?.id ?? 1 }), keyring })).toThrow(/AAD mismatch/);
  });
});
