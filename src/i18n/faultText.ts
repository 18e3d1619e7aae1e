import { formatBytes, formatCount } from '../format/units.js';
import {
  type Direction,
  type DirectionFaults,
  FAULT_NAMES,
  NO_FAULTS,
} from '../state/proxyTypes.js';
import { t } from './i18n.js';

/** Which way a direction goes, as the timeline draws it: → client to server, ← back. */
export const ARROW: Readonly<Record<Direction, string>> = { upstream: '→', downstream: '←' };

/** One direction's active faults in words: "pace 30 ms · rate 9.8 KiB/s", or "no faults". */
export function faultText(f: DirectionFaults): string {
  const on = FAULT_NAMES.filter((k) => f[k] !== NO_FAULTS[k]);
  if (on.length === 0) return t('proxy.noFaults');
  return on
    .map((k) => {
      const v = f[k];
      const value =
        k === 'rate' || k === 'resetAfter' ? formatBytes(Number(v)) : formatCount(Number(v));
      return t(`proxy.fault.${k}`, { value });
    })
    .join(' · ');
}
