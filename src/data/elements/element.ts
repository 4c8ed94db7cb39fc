/** The typed element every parser produces: the zod schema is the single source of truth, the type is inferred. */
import { z } from 'zod';
import { AssayError } from '../../errors/index.js';
import { ELEMENT_TYPES } from './element-types.js';

const count = z.number().int().nonnegative();

/** A bounding box in page coordinates (points, origin top-left), as [x0, y0, x1, y1]. */
export const BboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/** Where an element sits: its order in the document and its character range in the extracted text. */
export const PositionSchema = z
  .object({ index: count, charStart: count, charEnd: count, bbox: BboxSchema.optional() })
  .refine((p) => p.charEnd >= p.charStart, { message: 'charEnd must be at least charStart', path: ['charEnd'] });

/** Type-specific details; unknown keys are dropped. */
export const ElementMetadataSchema = z.object({
  /** Table cells, first row the header; `html` when the parser kept it. */
  table: z.object({ rows: z.array(z.array(z.string())), html: z.string().optional() }).optional(),
  /** For `email_header` elements: which header (`from`, `to`, `subject`, …). */
  emailField: z.string().min(1).optional(),
  /** Heading depth for titles (1 = top level). */
  level: z.number().int().positive().optional(),
  /** The element this one sits under (a list item's list, a section's title). */
  parentId: z.string().min(1).optional(),
});

/** The file an element came from. */
export const ElementSourceSchema = z.object({
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
});

/** One document element. `label` is a normalised banner-form marking, or '' when the element is unmarked. */
export const ElementSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 lower-case hex digits (see elementId)'),
  type: z.enum(ELEMENT_TYPES),
  text: z.string(),
  page: z.number().int().positive().optional(),
  position: PositionSchema,
  metadata: ElementMetadataSchema,
  label: z.string(),
  source: ElementSourceSchema,
});

/** A document element (see `ElementSchema`). */
export type Element = z.infer<typeof ElementSchema>;
/** Element metadata (see `ElementMetadataSchema`). */
export type ElementMetadata = z.infer<typeof ElementMetadataSchema>;

/**
 * Validates elements, throwing DATASET_INVALID that names the first bad field (`elements[2].position.charEnd`).
 * @example parseElements(JSON.parse(text)) // Element[]
 */
export function parseElements(values: unknown): Element[] {
  const parsed = z.array(ElementSchema).safeParse(values);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const [index, ...rest] = issue.path;
  const field = typeof index === 'number' ? `elements[${index}]${rest.length ? `.${rest.join('.')}` : ''}` : 'elements';
  throw new AssayError('DATASET_INVALID', `Invalid element: ${field}: ${issue.message}.`, {
    where: { field },
    hint: 'Elements come from a parser; check that it fills every field of ElementSchema (src/data/elements/element.ts).',
  });
}
