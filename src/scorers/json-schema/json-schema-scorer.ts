/** The json_schema scorer: the answer's JSON must validate against a JSON Schema (ajv). */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { AssayError } from '../../errors/index.js';
import { answerText } from '../answer-text.js';
import type { Scorer } from '../scorer.js';
import type { SpecOf } from '../scorer-spec.js';
import { quote } from '../text/normalize-text.js';
import { extractJson } from './extract-json.js';

function compile(schema: Record<string, unknown>): ValidateFunction {
  const draft = typeof schema.$schema === 'string' ? schema.$schema : '';
  const options = { allErrors: true, strict: false } as const;
  const ajv = draft.includes('2020-12') ? new Ajv2020(options) : draft.includes('2019-09') ? new Ajv2019(options) : new Ajv(options);
  try {
    return ajv.compile(schema);
  } catch (err) {
    throw new AssayError('CONFIG_INVALID', `json_schema scorer: the schema does not compile: ${(err as Error).message}`, {
      cause: err,
      where: { field: 'scorers.schema' },
      hint: 'Check the schema against JSON Schema draft-07 (or set $schema to 2019-09 / 2020-12).',
    });
  }
}

function describe(e: ErrorObject): string {
  const extra = e.keyword === 'additionalProperties' ? ` (${JSON.stringify(e.params.additionalProperty)})` : '';
  return `${e.instancePath || '(root)'} ${e.message ?? e.keyword}${extra}`;
}

/** @example jsonSchemaScorer({ type: 'json_schema', schema: { type: 'object', required: ['name'] } }) */
export function jsonSchemaScorer(spec: SpecOf<'json_schema'>): Scorer {
  const validate = compile(spec.schema);
  return {
    name: 'json_schema',
    kind: 'binary',
    async score(state) {
      const text = answerText(state);
      const found = extractJson(text);
      if (!found.ok) return { value: 0, answer: text, explanation: `No JSON found: ${found.reason} (${quote(text)}).` };
      const answer = JSON.stringify(found.value);
      if (validate(found.value)) return { value: 1, answer, explanation: `JSON from ${found.from} validates against the schema.` };
      const errors = (validate.errors ?? []).map(describe);
      return {
        value: 0,
        answer,
        metadata: { errors },
        explanation: `JSON from ${found.from} does not validate against the schema:\n${errors.map((e) => `- ${e}`).join('\n')}`,
      };
    },
  };
}
