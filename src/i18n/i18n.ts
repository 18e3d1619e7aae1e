import { EN_NUMBERS, PT_NUMBERS, setNumberStyle } from '../format/units.js';
import { en, type MessageKey } from './en.js';
import { ptBR } from './ptBR.js';

export type Lang = 'en' | 'pt-BR';
export type { MessageKey };

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, 'pt-BR': ptBR };

let current: Lang = 'en';

/** `--lang` wins; else LC_ALL, LC_MESSAGES, LANG starting with "pt" choose Portuguese. */
export function detectLang(flag: string | null, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag) return flag.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

export function setLang(lang: Lang): void {
  current = lang;
  setNumberStyle(lang === 'pt-BR' ? PT_NUMBERS : EN_NUMBERS);
}

export function getLang(): Lang {
  return current;
}

/** The message for `key` in the current language, `{name}` filled from `vars`. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = catalogues[current][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function catalogue(lang: Lang): Record<MessageKey, string> {
  return catalogues[lang];
}
