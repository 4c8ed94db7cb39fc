/** Joins the caller's AbortSignal with a timeout, without the listener build-up of AbortSignal.any on a long-lived signal. */

/** A signal that fires on the caller's abort or after `timeoutMs`; call `dispose` when the call is over. */
export interface Deadline {
  signal: AbortSignal;
  /** True when the timeout (not the caller) fired. */
  timedOut(): boolean;
  dispose(): void;
}

/** Starts a deadline of `timeoutMs` tied to `parent`. */
export function startDeadline(parent: AbortSignal | undefined, timeoutMs: number): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort(parent?.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The model call timed out.', 'TimeoutError'));
  }, timeoutMs);
  if (parent?.aborted) onAbort();
  else parent?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut && !parent?.aborted,
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onAbort);
    },
  };
}
