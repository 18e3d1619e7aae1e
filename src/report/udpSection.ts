import { formatAddress } from '../format/address.js';
import { formatClock, formatCount } from '../format/units.js';
import { t } from '../i18n/i18n.js';
import { keptText, udpStateText } from '../i18n/udpText.js';
import type { Snapshot } from '../state/types.js';
import { recvfrom } from '../udp/recvfrom.js';
import { mdCode, mdText } from './markdown.js';

/**
 * The UDP sockets and clients, each with its counts, its peers and the datagrams still kept:
 * true size and what recvfrom(N) at the buffer of the moment returned and discarded.
 */
export function udpSection(snap: Snapshot): string[] {
  const all = snap.udp ?? [];
  if (all.length === 0) return [];
  const out = [
    `## ${t('report.udp')}`,
    '',
    t('report.udpNote', { os: t(process.platform === 'win32' ? 'udp.os.win' : 'udp.os.unix') }),
    '',
  ];
  for (const u of all) {
    const address = formatAddress(u.host, u.boundPort ?? u.port);
    const target = u.target ? formatAddress(u.target.address, u.target.port) : '';
    out.push(
      `### ${mdText(
        t(u.kind === 'client' ? 'report.udpClient' : 'report.udpSocket', {
          id: u.id,
          address,
          target,
          state: udpStateText(u),
        }),
      )}`,
      '',
      t('report.udpCounts', {
        datagramsIn: formatCount(u.datagramsIn),
        bytesIn: formatCount(u.bytesIn),
        datagramsOut: formatCount(u.datagramsOut),
        bytesOut: formatCount(u.bytesOut),
        peers: formatCount(u.peers.length + u.peersEvicted),
      }),
      '',
    );
    if (u.lastError)
      out.push(`- **${mdText(u.lastError.code)}** (${mdText(u.lastError.syscall ?? '?')})`);
    for (const d of u.datagrams) {
      const r = recvfrom(d.bytes, d.buffer, process.platform);
      out.push(
        `- ${formatClock(d.time)} ${mdText(
          t('report.udpDatagram', {
            from: formatAddress(d.from.address, d.from.port),
            bytes: formatCount(d.bytes),
            buffer: d.buffer, // code: recvfrom(N)
            kept: formatCount(r.kept),
            discarded: formatCount(r.discarded),
          }),
        )} ${mdCode(keptText(d.preview, r.kept))}`,
      );
    }
    out.push('');
  }
  return out;
}
