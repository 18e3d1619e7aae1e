import { Box, Text } from 'ink';
import { clip } from '../../format/clip.js';
import { escapeText } from '../../format/escapeBytes.js';
import { formatCount } from '../../format/units.js';
import { t } from '../../i18n/i18n.js';
import { explainSocket, portRowText, unavailableText } from '../../i18n/kernelText.js';
import { udpPortExplain, udpPortRowText } from '../../i18n/udpText.js';
import type { PortsReport } from '../../kernel/portsReport.js';
import { theme } from '../theme.js';
import type { PortsOpen } from '../uiState.js';
import { Overlay } from './Overlay.js';

interface Props {
  report: PortsReport | null;
  open: PortsOpen;
  /** The port shown; null: every port. */
  port: number | null;
  width: number;
  height: number;
}

/**
 * The kernel's TCP sockets on a port, other programs' too, as `ss -tanp` lists them, each with
 * a line saying what it means (two rows a socket).
 */
export function PortsOverlay({ report, open, port, width, height }: Props) {
  const on = port === null ? '' : t('kernel.ports.on', { port });
  const room = Math.max(1, height - 4);
  const inner = width - 4;
  const rows: { text: string; dim: boolean }[] = [];
  if (report && !report.available.ok) {
    rows.push({ text: unavailableText(report.available), dim: false });
  } else if (report) {
    if (report.sockets.length === 0) {
      rows.push({
        text: t(port === null ? 'kernel.ports.noneAll' : 'kernel.ports.none'),
        dim: true,
      });
    }
    for (const r of report.sockets) {
      rows.push({ text: portRowText(r), dim: false });
      rows.push({ text: `           ${explainSocket(r.socket)}`, dim: true });
    }
    const more = (report.total ?? report.sockets.length) - report.sockets.length;
    if (more > 0)
      rows.push({ text: t('kernel.ports.more', { count: formatCount(more) }), dim: true });
    if (report.sockets.some((r) => r.socket.state === 'LISTEN')) {
      rows.push({ text: t('kernel.ports.listenSendQ'), dim: true });
    }
    // UDP beside TCP (src/udp): no states but bound or connected, and the kernel's drops.
    if (report.udp?.length) rows.push({ text: t('udp.ports.head'), dim: false });
    for (const r of report.udp ?? []) {
      rows.push({ text: udpPortRowText(r), dim: false });
      rows.push({ text: `           ${udpPortExplain(r)}`, dim: true });
    }
  }
  const from = Math.min(open.scroll, Math.max(0, rows.length - room));
  return (
    <Overlay title={t('kernel.ports.title', { on })} width={width} height={height} paddingX={1}>
      <Box flexShrink={0}>
        <Text bold wrap="truncate">
          {clip(t('kernel.ports.header'), inner)}
        </Text>
      </Box>
      {rows.slice(from, from + room).map((r, i) => (
        <Box key={`${from + i}`} flexShrink={0}>
          <Text wrap="truncate" color={r.dim ? theme.dim : undefined}>
            {escapeText(clip(r.text, inner))}
          </Text>
        </Box>
      ))}
    </Overlay>
  );
}
