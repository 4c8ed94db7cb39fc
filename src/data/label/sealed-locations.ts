/** Where sealed labelling fields live, bound into each token's AAD (see ENCRYPTED_COLUMNS): one place for seal and open. */
import type { FieldLocation } from '../../governance/crypto/field-aad.js';

/** The cipher location of an item's content. */
export const itemContentLocation = (taskId: string, itemId: string): FieldLocation => ({ table: 'label_items', column: 'content', rowId: `${taskId}:${itemId}` });

/** The cipher location of an annotation's value. */
export const annotationValueLocation = (id: string): FieldLocation => ({ table: 'label_annotations', column: 'value', rowId: id });

/** The cipher location of a review's value. */
export const reviewValueLocation = (id: string): FieldLocation => ({ table: 'label_reviews', column: 'value', rowId: id });
