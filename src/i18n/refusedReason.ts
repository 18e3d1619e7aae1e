import { t } from './i18n.js';

/** Why a connection past `--max-connections` was refused, in the user's language. */
export const refusedReason = (cap: number): string => t('line.refused.cap', { cap });
