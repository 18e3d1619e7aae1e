import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { clip } from '../format/clip.js';
import { escapeText } from '../format/escapeBytes.js';
import { t } from '../i18n/i18n.js';
import type { PortsReport } from '../kernel/portsReport.js';
import type { Snapshot } from '../state/types.js';
import { ClientPane } from './components/ClientPane.js';
import { ConnectionsPane } from './components/ConnectionsPane.js';
import { ErrorsPane } from './components/ErrorsPane.js';
import { Footer } from './components/Footer.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { LabList, LabPanel } from './components/LabPanel.js';
import { ListenersPane } from './components/ListenersPane.js';
import { PortsOverlay } from './components/PortsOverlay.js';
import { ReadsPane } from './components/ReadsPane.js';
import { UdpClientPane } from './components/UdpClientPane.js';
import { UdpDatagramsPane } from './components/UdpDatagramsPane.js';
import { UdpPeersPane } from './components/UdpPeersPane.js';
import { hintContext } from './hintContext.js';
import { layoutFor, MIN_COLUMNS, MIN_ROWS } from './layout.js';
import { liveStatusText } from './liveStatus.js';
import { readsAnchor, readsConnections, readsSpark, readsTitle } from './readsView.js';
import type { Selection } from './selection.js';
import { theme } from './theme.js';
import type { UiState } from './uiState.js';

/** How long the answer to a key stays on the status row. */
const STATUS_MS = 6000;

export interface DashboardProps {
  snap: Snapshot;
  ui: UiState;
  sel: Selection;
  columns: number;
  rows: number;
  now: number;
  version: string;
  /** The open text box, if any; drawn in place of the status row. */
  prompt?: ReactNode;
  /** Said on the status row whenever it has nothing else to say (a skipped Ink patch). */
  notes?: readonly string[];
  /** What the ports view (`k`) shows, from the engine; null while it loads or is closed. */
  ports?: PortsReport | null;
}

/** The whole screen from a snapshot and the UI state: no hooks, so a report can render it too. */
export function Dashboard({
  snap,
  ui,
  sel,
  columns,
  rows,
  now,
  version,
  prompt,
  notes = [],
  ports = null,
}: DashboardProps) {
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return <TooSmall columns={columns} rows={rows} />;
  const L = layoutFor(columns, rows);
  const listener = sel.listener;
  const readsConns = readsConnections(ui, sel);
  const overlayHeight = L.top + L.middle + L.bottom;
  const readsWidth = ui.lab ? L.right : L.full;
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Header snap={snap} version={version} sliderFocused={ui.focus === 'slider'} />
      {ui.help ? (
        <HelpOverlay width={columns} height={overlayHeight} scroll={ui.helpScroll} />
      ) : ui.ports ? (
        <PortsOverlay
          report={ports}
          open={ui.ports}
          port={
            ports && !ui.ports.all
              ? ((sel.udp ?? listener)?.boundPort ?? (sel.udp ?? listener)?.port ?? null)
              : null
          }
          width={columns}
          height={overlayHeight}
        />
      ) : ui.labList ? (
        <LabList selected={ui.labIndex} width={columns} height={overlayHeight} />
      ) : (
        <>
          <Box height={L.top}>
            <ListenersPane
              listeners={snap.listeners}
              selectedId={listener?.id ?? null}
              focused={ui.focus === 'listeners'}
              width={L.left}
              height={L.top}
              udp={sel.udpSockets}
              udpSelected={sel.udp?.id ?? null}
            />
            <ErrorsPane
              errors={snap.errors}
              selectedId={sel.error?.id ?? null}
              focused={ui.focus === 'errors'}
              width={L.right}
              height={L.top}
            />
          </Box>
          <Box height={L.middle}>
            {sel.udp ? (
              <UdpPeersPane
                u={sel.udp}
                focused={ui.focus === 'connections'}
                width={L.left}
                height={L.middle}
              />
            ) : (
              <ConnectionsPane
                listener={listener}
                connections={sel.connections}
                legs={sel.legs}
                selectedId={sel.connection?.id ?? null}
                focused={ui.focus === 'connections'}
                width={L.left}
                height={L.middle}
                now={now}
              />
            )}
            {ui.clientsUdp ? (
              <UdpClientPane
                clients={sel.udpClients}
                selected={sel.udpClient}
                focused={ui.focus === 'client'}
                width={L.right}
                height={L.middle}
              />
            ) : (
              <ClientPane
                clients={sel.clients}
                selected={sel.client}
                udpRow={sel.udp !== null}
                focused={ui.focus === 'client'}
                width={L.right}
                height={L.middle}
              />
            )}
          </Box>
          <Box height={L.bottom}>
            {ui.lab ? (
              <LabPanel open={ui.lab} snap={snap} width={L.left} height={L.bottom} />
            ) : null}
            {sel.udp ? (
              <UdpDatagramsPane
                bufferSize={snap.bufferSize}
                u={sel.udp}
                focused={ui.focus === 'reads'}
                width={readsWidth}
                height={L.bottom}
              />
            ) : (
              <ReadsPane
                title={readsTitle(ui, sel)}
                spark={readsSpark(ui, sel)}
                conns={readsConns}
                anchor={readsAnchor(ui, sel)}
                hex={ui.hex}
                focused={ui.focus === 'reads'}
                width={readsWidth}
                height={L.bottom}
                bufferSize={snap.bufferSize}
              />
            )}
          </Box>
        </>
      )}
      {prompt ?? <StatusRow ui={ui} snap={snap} now={now} columns={columns} notes={notes} />}
      <Footer
        layer={ui.labList ? 'lab-list' : ui.help ? 'help' : ui.ports ? 'ports' : ui.focus}
        context={hintContext(ui, sel, snap.errors.length)}
      />
    </Box>
  );
}

function StatusRow({
  ui,
  snap,
  now,
  columns,
  notes,
}: {
  ui: UiState;
  snap: Snapshot;
  now: number;
  columns: number;
  notes: readonly string[];
}) {
  const status = statusLine(ui, snap, now, columns);
  if (status === ' ' && notes.length > 0) {
    return (
      <Text wrap="truncate" color={theme.warn}>
        {escapeText(clip(notes.join(' · '), columns))}
      </Text>
    );
  }
  return (
    <Text wrap="truncate" color={theme.dim}>
      {status}
    </Text>
  );
}

/**
 * A live status (something under way) stays while it is the latest: its text follows the
 * snapshot, so it cannot go stale. A plain one fades after STATUS_MS.
 */
function statusLine(ui: UiState, snap: Snapshot, now: number, columns: number): string {
  // Cut before escaping and layout: Ink measures every string it draws, each frame.
  if (ui.statusLive) return escapeText(clip(liveStatusText(ui.statusLive, snap), columns)) || ' ';
  return ui.status && now - ui.statusAt < STATUS_MS ? escapeText(clip(ui.status, columns)) : ' ';
}

function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" color={theme.warn}>
        {t('tooSmall.need', { columns: MIN_COLUMNS, rows: MIN_ROWS })}
      </Text>
      <Text wrap="truncate">{t('tooSmall.have', { columns, rows })}</Text>
    </Box>
  );
}
