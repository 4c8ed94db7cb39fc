/** Ctrl-C and SIGTERM stop a command cleanly (the run stays resumable); a second Ctrl-C forces the exit. */
import type { Io } from './output.js';

export async function withInterrupt<T>(io: Io, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      io.log('assay: forced exit.');
      process.exit(130);
    }
    io.log(`assay: ${name} received, stopping after saving finished samples (press Ctrl-C again to force)…`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await fn(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
