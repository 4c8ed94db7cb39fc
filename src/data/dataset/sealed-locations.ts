/** Where sealed dataset fields live, bound into each token's AAD (see ENCRYPTED_COLUMNS). */
import type { FieldLocation } from '../../governance/crypto/field-aad.js';

/** The cipher location of a chunk's text. */
export const chunkTextLocation = (dataset: string, id: string): FieldLocation => ({ table: 'ds_chunks', column: 'text', rowId: `${dataset}:${id}` });

/** The cipher location of a document's properties. */
export const documentPropertiesLocation = (id: string): FieldLocation => ({ table: 'ds_documents', column: 'properties', rowId: id });

/** The cipher location of a chunk's dedup key (content hash + MinHash signature; see migration 0010). */
export const chunkDedupKeyLocation = (dataset: string, id: string): FieldLocation => ({ table: 'ds_chunks', column: 'dedup_key', rowId: `${dataset}:${id}` });
