import { BUNDLED_SECTORS } from './bundled/sectors.ts';
import type { Sector } from './model.ts';

/** SIC 2007 sections A–U (ONS; the titles are cited facts, kept once in bundled/sectors.ts). */
export const SIC_2007_SECTIONS: readonly Sector[] = BUNDLED_SECTORS;

export function isSectorCode(code: string | null | undefined): code is string {
  return typeof code === 'string' && /^[A-U]$/.test(code);
}
