import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocx, p, table } from '../../../../test/fixtures/parse/office/build-docx.js';
import { AssayError } from '../../../errors/index.js';
import { labelElements } from '../../elements/index.js';
import { DEFAULT_PARSE_LIMITS, type ParseInput } from '../parser.js';
import { docxParser } from './index.js';

function input(bytes: Uint8Array, path = 'plan.docx'): ParseInput {
  return { bytes, path, sha256: createHash('sha256').update(bytes).digest('hex'), limits: DEFAULT_PARSE_LIMITS };
}

async function failure(promise: Promise<unknown>): Promise<AssayError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AssayError);
  return err as AssayError;
}

const BANNER = 'SECRET//REL TO USA, FVEY';
const body = [
  p('Exercise Plan', { style: 'Title' }),
  p('Background', { style: 'Heading2' }),
  p('(S//REL TO USA, FVEY) The exercise starts at dawn.', { footnote: 1 }),
  p('(U) Bring water.'),
  p('milk', { numbered: true }),
  p('eggs & bread', { numbered: true }),
  table([['Unit', 'Role'], ['Alpha', 'Lead'], ['Bravo', 'Support']]),
].join('');

describe('docxParser', () => {
  it('reads headers, footers, body, footnotes, table and properties from a real package', async () => {
    const bytes = buildDocx({
      body,
      header: BANNER,
      footer: BANNER,
      footnotes: { 1: '(U) Dawn is local time.' },
      core: { title: 'Exercise Plan', creator: 'J. Analyst', created: '2024-03-01T09:00:00Z', modified: '2024-03-02T10:30:00Z' },
      custom: { Classification: 'SECRET', MSIP_Label_0_Name: 'Secret' },
    });
    const parsed = await docxParser.parse(input(bytes));
    expect(parsed.elements.map((e) => [e.type, e.text])).toEqual([
      ['header', BANNER],
      ['title', 'Exercise Plan'],
      ['title', 'Background'],
      ['narrative_text', '(S//REL TO USA, FVEY) The exercise starts at dawn.[1]'],
      ['narrative_text', '(U) Bring water.'],
      ['list_item', 'milk'],
      ['list_item', 'eggs & bread'],
      ['table', 'Unit | Role\nAlpha | Lead\nBravo | Support'],
      ['narrative_text', '(U) Dawn is local time.'],
      ['footer', BANNER],
    ]);
    expect(parsed.elements[1]!.metadata.level).toBe(1);
    expect(parsed.elements[2]!.metadata.level).toBe(2);
    expect(parsed.elements[7]!.metadata.table?.rows).toEqual([['Unit', 'Role'], ['Alpha', 'Lead'], ['Bravo', 'Support']]);
    expect(parsed.properties).toEqual({
      title: 'Exercise Plan',
      author: 'J. Analyst',
      created: '2024-03-01T09:00:00Z',
      modified: '2024-03-02T10:30:00Z',
      'custom.Classification': 'SECRET',
      'custom.MSIP_Label_0_Name': 'Secret',
    });
    const joined = parsed.elements.map((e) => e.text).join('\n\n');
    for (const [i, e] of parsed.elements.entries()) {
      expect(e.position.index).toBe(i);
      expect(joined.slice(e.position.charStart, e.position.charEnd)).toBe(e.text);
    }
    // The header banner labels the document; portion marks label their paragraphs.
    const labelled = labelElements(parsed.elements);
    expect(labelled[0]!.label).toBe(BANNER);
    expect(labelled[4]!.label).toBe('UNCLASSIFIED');
    const again = await docxParser.parse(input(bytes));
    expect(again.elements.map((e) => e.id)).toEqual(parsed.elements.map((e) => e.id));
  });

  it('refuses a damaged package with DATASET_INVALID', async () => {
    const good = buildDocx({ body: p('Hello there, this paragraph is long enough to be deflated. '.repeat(40)) });
    const bad = new Uint8Array(good);
    // Overwrite the middle of the archive (compressed member data) with deterministic noise.
    for (let i = 60; i < Math.min(bad.length - 200, 900); i++) bad[i] = (i * 7919) & 0xff;
    const err = await failure(docxParser.parse(input(bad)));
    expect(err.code).toBe('DATASET_INVALID');
    expect(err.message).toContain('plan.docx');
    expect(err.hint).toBeTruthy();
  });

  it('refuses a ZIP that is not a Word document, and random bytes', async () => {
    const zip = zipSync({ 'notes.txt': strToU8('hi') });
    expect((await failure(docxParser.parse(input(zip)))).message).toContain('without word/document.xml');
    const noise = Uint8Array.from({ length: 512 }, (_, i) => (i * 31 + 7) & 0xff);
    expect((await failure(docxParser.parse(input(noise)))).code).toBe('DATASET_INVALID');
    expect((await failure(docxParser.parse(input(new Uint8Array(0))))).message).toContain('empty');
  });

  it('says a password-protected DOCX (an OLE container with EncryptionInfo) is encrypted', async () => {
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(Buffer.from('EncryptionInfo', 'utf16le'), 1024);
    const err = await failure(docxParser.parse(input(cfb)));
    expect(err.code).toBe('DATASET_INVALID');
    expect(err.message).toMatch(/password-protected \(encrypted\)/);
    expect(err.hint).toMatch(/password/);
    const legacy = new Uint8Array(cfb);
    legacy.fill(0, 1024);
    expect((await failure(docxParser.parse(input(legacy)))).message).toMatch(/legacy Word 97-2003/);
  });

  it('refuses a header part that declares a DTD (entity bomb) without expanding it', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE w:hdr [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:hdr>`;
    const bytes = buildDocx({ body: p('Body'), extra: { 'word/header2.xml': bomb } });
    const err = await failure(docxParser.parse(input(bytes)));
    expect(err.code).toBe('DATASET_INVALID');
    expect(err.message).toContain('word/header2.xml declares a DTD');
    const inBody = buildDocx({ body: p('Body'), extra: { 'word/document.xml': bomb.replace(/w:hdr/g, 'w:document') } });
    expect((await failure(docxParser.parse(input(inBody)))).message).toContain('word/document.xml declares a DTD');
  });
});
