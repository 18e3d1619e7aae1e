/**
 * What a proxy publishes (src/proxy runs it): where it forwards, the faults it injects per
 * direction, and which leg of a proxied pair a connection is. Directions follow Toxiproxy:
 * `upstream` is client → server (the accepted leg's reads), `downstream` server → client.
 */
import type { Endpoint } from './types.js';

export type Direction = 'upstream' | 'downstream';
export const DIRECTIONS: readonly Direction[] = ['upstream', 'downstream'];

/**
 * One direction's faults; 0 / false = off. Names after Toxiproxy's toxics where one matches:
 * latency = latency, rate = bandwidth (but bytes/s), slowClose = slow_close, blackhole =
 * timeout with timeout=0 (read and dropped, the connection stays open), resetAfter =
 * limit_data ending with RST (reset_peer) instead of FIN. pace has no toxic: a gap between
 * forwarded chunks, so a fragmenter's pieces arrive apart.
 */
export interface DirectionFaults {
  readonly paceMs: number;
  readonly latencyMs: number;
  /** Bytes per second. */
  readonly rate: number;
  /** Bytes forwarded, then RST to both ends. */
  readonly resetAfter: number;
  readonly blackhole: boolean;
  readonly slowCloseMs: number;
}

export type FaultName = keyof DirectionFaults;
export const FAULT_NAMES: readonly FaultName[] = [
  'paceMs',
  'latencyMs',
  'rate',
  'resetAfter',
  'blackhole',
  'slowCloseMs',
];

export const NO_FAULTS: DirectionFaults = Object.freeze({
  paceMs: 0,
  latencyMs: 0,
  rate: 0,
  resetAfter: 0,
  blackhole: false,
  slowCloseMs: 0,
});

export type ProxyFaults = { readonly [D in Direction]: DirectionFaults };

export const anyFault = (f: DirectionFaults): boolean =>
  FAULT_NAMES.some((k) => f[k] !== NO_FAULTS[k]);

/** A listener that proxies: every accepted connection is relayed to `target`. */
export interface ProxyView {
  readonly target: Endpoint;
  readonly faults: ProxyFaults;
}

/** One leg of a proxied pair: `accepted` from the client, `upstream` dialled to the target. */
export interface ProxyLeg {
  readonly role: 'accepted' | 'upstream';
  /** The proxy's listener. */
  readonly listener: number;
  /** The other leg's connection id (null until dialled). */
  readonly partner: number | null;
}
