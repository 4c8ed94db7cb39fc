/** YAML: an array of mappings (or an object holding one under `data`, `rows` or `samples`). */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { AssayError } from '../../errors/index.js';
import { decodeText, toRawRow, type DatasetReader } from '../dataset-reader.js';
import { rowList } from './json-reader.js';

export const yamlReader: DatasetReader = {
  async read(bytes, { file }) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(decodeText(bytes), { lineCounter, prettyErrors: false });
    const [first] = doc.errors;
    if (first) {
      const { line, col } = lineCounter.linePos(first.pos[0]);
      throw new AssayError('DATASET_INVALID', `${file}:${line}:${col}: not valid YAML: ${first.message}`, {
        where: { file, line, column: col },
        cause: first,
      });
    }
    const items = rowList(doc.toJS(), file);
    const nodes = itemNodes(doc.contents);
    return items.map((item, i) => {
      const start = nodes?.[i]?.range?.[0];
      return toRawRow(item, i + 1, start === undefined ? undefined : lineCounter.linePos(start).line);
    });
  },
};

/** The YAML nodes of the rows, to give each row its line number. */
function itemNodes(contents: unknown): (Node | undefined)[] | undefined {
  if (isSeq(contents)) return contents.items as (Node | undefined)[];
  if (isMap(contents)) {
    for (const key of ['data', 'rows', 'samples']) {
      const value = contents.get(key, true);
      if (isSeq(value)) return value.items as (Node | undefined)[];
    }
  }
  return undefined;
}
