/** The document element model: schema, deterministic ids, and marking labels per element. */
export { ELEMENT_TYPES, isElementType, type ElementType } from './element-types.js';
export { BboxSchema, ElementMetadataSchema, ElementSchema, ElementSourceSchema, PositionSchema, parseElements, type Element, type ElementMetadata } from './element.js';
export { createElement, elementId, type ElementInput } from './element-id.js';
export { documentLabel, labelDocument, labelElements, type LabelledDocument, type LabelOptions } from './label-elements.js';
export { readNearBanner, type NearBanner } from './near-banner.js';
export { checkPropertyLabel, propertyMarkings, type PropertyCheck, type PropertyMarking } from './property-label.js';
export { rollupLabels } from './rollup-labels.js';
