/** Writes schemas/task.schema.json from TaskSpecSchema: `npx tsx scripts/gen-schemas.ts`. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TASK_SCHEMA_FILE, taskJsonSchemaText } from '../src/task/task-json-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, TASK_SCHEMA_FILE);
await writeFile(target, taskJsonSchemaText());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
