/** The document element model: schema, deterministic ids, and marking labels per element. */
export { ELEMENT_TYPES, isElementType, type ElementType } from './element-types.js';
export { BboxSchema, ElementMetadataSchema, ElementSchema, ElementSourceSchema, PositionSchema, parseElements, type Element, type ElementMetadata } from './element.js';
export { createElement, elementId, type ElementInput } from './element-id.js';
export { documentLabel, labelElements, type LabelOptions } from './label-elements.js';
export { rollupLabels } from './rollup-labels.js';
