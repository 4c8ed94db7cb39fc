/** The typed map of export formats to their writers: a format without a writer fails to compile. */
import type { FormatWriter } from '../export-context.js';
import type { ExportFormat } from '../export-request.js';
import { writeChat } from './chat-format.js';
import { writeEval } from './eval-format.js';
import { writeJsonl } from './jsonl-format.js';
import { writeParquet } from './parquet-format.js';
import { writePreference } from './preference-format.js';
import { writeRetrieval } from './retrieval-format.js';

export const EXPORT_WRITERS = {
  jsonl: writeJsonl,
  parquet: writeParquet,
  retrieval: writeRetrieval,
  eval: writeEval,
  chat: writeChat,
  preference: writePreference,
} as const satisfies Record<ExportFormat, FormatWriter>;
