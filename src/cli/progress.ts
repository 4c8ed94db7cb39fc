/** Progress for long runs: a bar with rate, ETA and errors on a terminal; plain periodic lines otherwise. */
import cliProgress from 'cli-progress';
import type { EvalProgress } from '../eval/run-eval.js';

export interface ProgressView {
  update(p: EvalProgress): void;
  stop(): void;
}

export function createProgress(options: { quiet?: boolean; intervalMs?: number } = {}): ProgressView {
  if (options.quiet) return { update() {}, stop() {} };
  return process.stderr.isTTY ? barProgress() : lineProgress(options.intervalMs ?? 5000);
}

function barProgress(): ProgressView {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: ' {bar} {percentage}% | {value}/{total} samples | {rate}/s | ETA {eta_formatted} | errors {errored} | cached {cached}', hideCursor: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const t0 = Date.now();
  return {
    update(p) {
      const value = p.done + p.skipped;
      const rate = (p.done / Math.max((Date.now() - t0) / 1000, 0.001)).toFixed(1);
      if (!started) {
        bar.start(p.total, value, { rate, errored: p.errored, cached: p.cachedCalls });
        started = true;
      } else bar.update(value, { rate, errored: p.errored, cached: p.cachedCalls });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function lineProgress(intervalMs: number): ProgressView {
  const t0 = Date.now();
  let last = 0;
  let latest: EvalProgress | undefined;
  const print = (p: EvalProgress) => {
    const secs = (Date.now() - t0) / 1000;
    const rate = p.done / Math.max(secs, 0.001);
    const left = p.total - p.done - p.skipped;
    const eta = rate > 0 ? `${Math.ceil(left / rate)}s` : '?';
    process.stderr.write(`[assay] ${p.done + p.skipped}/${p.total} samples (${(((p.done + p.skipped) / p.total) * 100).toFixed(1)}%), ${rate.toFixed(1)}/s, ETA ${eta}, errors ${p.errored}, model calls ${p.liveCalls} (+${p.cachedCalls} cached)\n`);
  };
  return {
    update(p) {
      latest = p;
      const now = Date.now();
      if (now - last >= intervalMs) {
        last = now;
        print(p);
      }
    },
    stop() {
      if (latest && latest.done + latest.skipped > 0) print(latest);
    },
  };
}
