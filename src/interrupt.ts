// What a run leaves behind when it is stopped by a signal (Ctrl-C, a CI job cancelled, a closed
// terminal): node's default for SIGINT, SIGTERM and SIGHUP ends the process at once, so the git
// children it started ran on (a `git diff` of a big range for seconds, writing to a spool nobody
// reads) and the temporary directories of the git sandbox stayed in TMPDIR. Whoever starts such a
// thing registers how to undo it (`untilDone`); on one of those signals every registered undo runs
// and the process then ends by the same signal, as it would have (exit status 128 + n).
//
// A command that handles SIGINT itself (backtest stops after the current PR) claims it
// (`claimInterrupt`): the first SIGINT goes to it and nothing is undone; a second one, with the
// claim spent, stops the run as above.

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type StopSignal = (typeof SIGNALS)[number];

const undos = new Set<() => void>();
const claims: (() => void)[] = [];
let installed = false;

function onSignal(signal: StopSignal): void {
  if (signal === 'SIGINT' && claims.length > 0) {
    claims.shift()!();
    return;
  }
  for (const undo of [...undos]) {
    try {
      undo();
    } catch {
      // best effort: the next undo still runs, and the process still stops
    }
  }
  undos.clear();
  for (const s of SIGNALS) process.removeListener(s, listeners[s]);
  // With no listener left, node's default action for the signal ends the process.
  process.kill(process.pid, signal);
}

const listeners = Object.fromEntries(SIGNALS.map((s) => [s, () => onSignal(s)])) as Record<StopSignal, () => void>;

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, listeners[s]);
}

/** Registers `undo` to run if a signal stops the process; the returned function unregisters it. */
export function untilDone(undo: () => void): () => void {
  install();
  undos.add(undo);
  return () => void undos.delete(undo);
}

/** The next SIGINT calls `handler` instead of stopping the run; the returned function withdraws it. */
export function claimInterrupt(handler: () => void): () => void {
  install();
  claims.push(handler);
  return () => {
    const i = claims.indexOf(handler);
    if (i >= 0) claims.splice(i, 1);
  };
}
