import type { RunOptions } from '../cli/args.js';
import type { Session } from '../cli/session.js';

export async function runDashboard(_session: Session, _opts: RunOptions): Promise<number> {
  throw new Error('dashboard not built yet');
}
