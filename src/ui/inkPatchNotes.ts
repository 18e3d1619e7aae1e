import { type MessageKey, t } from '../i18n/i18n.js';
import type { InkPatch, InkPatches, InkPatchSkip } from '../patches/applyInkPatches.js';

const LOST: Record<InkPatch, MessageKey> = {
  'measure-text-cache': 'patch.lost.measureText',
  'wrap-text-cache': 'patch.lost.wrapText',
  'output-cache': 'patch.lost.outputCache',
};

const WHY: Record<InkPatchSkip, MessageKey> = {
  'not-handed-over': 'patch.why.notHandedOver',
  'unexpected-shape': 'patch.why.unexpectedShape',
};

/** What each skipped Ink patch costs the user and why it was skipped, in their language. */
export function inkPatchNotes(skipped: InkPatches['skipped']): string[] {
  return skipped.map(({ patch, reason }) =>
    t('patch.skipped', { lost: t(LOST[patch]), why: t(WHY[reason]) }),
  );
}
