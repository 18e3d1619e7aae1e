import type { CloseReason, ErrorInfo } from '../state/types.js';

type Side = 'peer' | 'local';

/**
 * Who ended a connection, and how, noted as it happens and read once at 'close'. The first FIN
 * names who closed (the active closer, the end TCP keeps in TIME_WAIT); an RST ends it whoever
 * sent FIN before; an error other than the peer's RST ends it as that error.
 */
export class CloseWitness {
  private fin: Side | null = null;
  private rst: Side | null = null;

  /** A FIN went out (local) or came in (peer); only the first one counts. */
  finFrom(side: Side): void {
    this.fin ??= side;
  }

  rstFrom(side: Side): void {
    this.rst ??= side;
  }

  get reset(): boolean {
    return this.rst !== null;
  }

  reason(error: ErrorInfo | null): CloseReason {
    if (this.rst) return this.rst === 'peer' ? 'peer-reset' : 'local-reset';
    if (error) return 'error';
    // Neither FIN seen: socklab destroyed the socket (shutdown, a connect abandoned).
    return this.fin === 'peer' ? 'peer-fin' : 'local-close';
  }
}
