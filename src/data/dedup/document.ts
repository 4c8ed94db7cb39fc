/** The unit that dedup consumes: an id and its text, from an array, a generator or an async stream. */

/** One document to deduplicate. */
export interface DedupDocument {
  id: string;
  text: string;
}

/** Any source of documents; read once, in order, so memory is held by the index and not the texts. */
export type DocumentStream = Iterable<DedupDocument> | AsyncIterable<DedupDocument>;
