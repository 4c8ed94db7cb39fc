import { describe, expect, it } from 'vitest';
import { AssayError } from '../../errors/index.js';
import { createElement, elementId } from './element-id.js';
import { ElementSchema, parseElements } from './element.js';
import { isElementType } from './element-types.js';

const source = { path: 'memo.pdf', sha256: 'a'.repeat(64) };

describe('elementId', () => {
  it('is deterministic and depends on source, index and text', () => {
    const id = elementId({ sourceSha256: source.sha256, index: 3, text: 'Intro' });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(elementId({ sourceSha256: source.sha256, index: 3, text: 'Intro' })).toBe(id);
    expect(elementId({ sourceSha256: source.sha256, index: 4, text: 'Intro' })).not.toBe(id);
    expect(elementId({ sourceSha256: 'b'.repeat(64), index: 3, text: 'Intro' })).not.toBe(id);
    expect(elementId({ sourceSha256: source.sha256, index: 3, text: 'Intro.' })).not.toBe(id);
    // The separator keeps `1` + `2x` apart from `12` + `x`.
    expect(elementId({ sourceSha256: source.sha256, index: 1, text: '2x' })).not.toBe(elementId({ sourceSha256: source.sha256, index: 12, text: 'x' }));
  });
});

describe('ElementSchema', () => {
  const good = createElement({ type: 'title', text: 'Intro', index: 0, source, page: 1, charStart: 10, metadata: { level: 1 } });

  it('accepts what createElement builds', () => {
    expect(ElementSchema.parse(good)).toEqual(good);
    expect(good.position).toEqual({ index: 0, charStart: 10, charEnd: 15 });
    expect(parseElements([good])).toHaveLength(1);
  });

  it('names the bad field in the error', () => {
    const cases: Array<[unknown, string]> = [
      [{ ...good, type: 'paragraph' }, 'elements[0].type'],
      [{ ...good, position: { index: 0, charStart: 5, charEnd: 2 } }, 'elements[0].position.charEnd'],
      [{ ...good, source: { path: 'x', sha256: 'nothex' } }, 'elements[0].source.sha256'],
      [{ ...good, metadata: { table: { rows: [['a', 1]] } } }, 'elements[0].metadata.table.rows.0.1'],
      [{ ...good, page: 0 }, 'elements[0].page'],
    ];
    for (const [value, field] of cases) {
      try {
        parseElements([value]);
        expect.unreachable(field);
      } catch (err) {
        expect(err).toBeInstanceOf(AssayError);
        expect((err as AssayError).code).toBe('DATASET_INVALID');
        expect((err as AssayError).where?.field).toBe(field);
        expect((err as AssayError).message).toContain(field);
      }
    }
  });

  it('guards element types', () => {
    expect(isElementType('list_item')).toBe(true);
    expect(isElementType('ListItem')).toBe(false);
  });
});
