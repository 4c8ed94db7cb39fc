/** Maps the finish/stop reasons servers report onto Assay's closed set. */
import type { ModelOutput } from '../../model/index.js';

type FinishReason = ModelOutput['finishReason'];

const KNOWN: Record<string, FinishReason> = {
  stop: 'stop',
  eos: 'stop',
  end_turn: 'stop',
  stop_sequence: 'stop',
  tool_calls: 'stop',
  tool_use: 'stop',
  function_call: 'stop',
  length: 'length',
  max_tokens: 'length',
  content_filter: 'content_filter',
  refusal: 'content_filter',
};

/** `stop`, `end_turn` … → `stop`; `length`, `max_tokens` → `length`; anything else → `unknown`. */
export function toFinishReason(reason: string | null | undefined): FinishReason {
  return (reason && KNOWN[reason]) || 'unknown';
}
