import { useEffect, useState } from 'react';
import type { PortsFilter, PortsReport } from '../../kernel/portsReport.js';
import type { EngineLink } from '../../thread/link.js';

/** How often the open ports view asks the engine again (the engine reads the kernel ≤ 4×/s). */
const POLL_MS = 250;

/**
 * The ports view's rows, asked of the engine thread (which reads /proc) while the view is open
 * (`filter` not null); nothing is asked while it is closed.
 */
export function usePorts(engine: EngineLink, filter: PortsFilter | null): PortsReport | null {
  const [report, setReport] = useState<PortsReport | null>(null);
  const key = filter ? JSON.stringify(filter) : null;
  useEffect(() => {
    if (key === null) {
      setReport(null);
      return;
    }
    const f = JSON.parse(key) as PortsFilter;
    let live = true;
    let timer: NodeJS.Timeout | null = null;
    const ask = () => {
      engine.call('ports', f).then(
        (r) => {
          if (!live) return;
          setReport(r);
          timer = setTimeout(ask, POLL_MS);
        },
        () => {},
      );
    };
    ask();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [engine, key]);
  return key === null ? null : report;
}
