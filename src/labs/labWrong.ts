import { type GuidedLab, labText } from './guidedLabs.js';

/**
 * Where the common answer goes wrong, or null when a lab has none: its catalogue entry is
 * then only a dash, which must not be shown as if it were the text.
 */
export function labWrong(lab: GuidedLab): string | null {
  const wrong = labText(lab, 'wrong');
  return /[\p{L}\p{N}]/u.test(wrong) ? wrong : null;
}
