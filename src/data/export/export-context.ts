/** The state one export run shares between its steps: request, readers, version, counters, redactor, open files. */
import type { DatasetVersionInfo } from '../dataset/dataset-types.js';
import type { ExportDeps } from './export-deps.js';
import type { ExportPaths } from './export-paths.js';
import type { ExportRequest } from './export-request.js';
import type { ExportTally } from './export-tally.js';
import type { PiiRedactor } from './pii-redactor.js';
import { TempFile } from './temp-file.js';

/** Everything a format writer needs. */
export interface ExportContext {
  request: ExportRequest;
  /** The --max-label in banner form, checked against the viewer's clearance. */
  maxLabel: string | undefined;
  deps: ExportDeps;
  info: DatasetVersionInfo;
  tally: ExportTally;
  redactor: PiiRedactor;
  paths: ExportPaths;
  /** Lineage steps the export adds to every row (the redaction, unless --keep-pii). */
  exportSteps: string[];
  /** Opens a temporary file for a planned data file (by role); the run commits or discards it. */
  open(role: string): Promise<TempFile>;
  /** Like `open`, for a library that writes the temporary file (`file.temp`) by name itself. */
  adopt(role: string): Promise<TempFile>;
}

/** Signature of a format writer: writes its temporary files through `ctx.open` and closes them. */
export type FormatWriter = (ctx: ExportContext) => Promise<void>;

/** Tracks the files a run opened so it can commit them all or discard them all. */
export class OpenFiles {
  readonly files: TempFile[] = [];

  constructor(private readonly paths: ExportPaths) {}

  async open(role: string): Promise<TempFile> {
    return this.track(await TempFile.create(this.target(role)));
  }

  async adopt(role: string): Promise<TempFile> {
    return this.track(await TempFile.adopt(this.target(role)));
  }

  private target(role: string): string {
    const target = this.paths.data[role];
    if (target === undefined) throw new Error(`export: no planned file for role "${role}"`);
    return target;
  }

  private track(file: TempFile): TempFile {
    this.files.push(file);
    return file;
  }

  async discardAll(): Promise<void> {
    await Promise.all(this.files.map((f) => f.discard()));
  }
}
