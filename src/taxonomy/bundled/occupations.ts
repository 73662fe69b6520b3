import { CARE_OCCUPATIONS } from './occupations-care.ts';
import { OFFICE_OCCUPATIONS } from './occupations-office.ts';
import { SERVICE_OCCUPATIONS } from './occupations-services.ts';
import { TRADE_OCCUPATIONS } from './occupations-trades.ts';
import type { BundledOccupation } from './types.ts';

/**
 * Bundled occupations, one per SOC 2020 unit group.
 *
 * Codes and unit-group titles: ONS Standard Occupational Classification 2020,
 * Volume 2 (the SOC 2020 framework); Office for National Statistics, Open
 * Government Licence v3.0. Checked with scripts/eval/check-bundled-soc.ts.
 * Alternative job titles, descriptions and skill relations are the
 * project's own wording.
 *
 * `skillLevel` follows the SOC 2020 major group (1–2 mostly level 4, 3 and 5
 * level 3, 4 and 6–8 level 2, 9 level 1; small-business proprietors in major
 * group 1 at level 3).
 *
 * `pay` is a rounded approximation of typical full-time annual pay for the
 * unit group, in the spirit of the ONS Annual Survey of Hours and Earnings
 * median, written by hand for ranking and viability checks. These figures are
 * NOT statistics and must not be quoted as such; import ASHE for real figures.
 */
export const BUNDLED_OCCUPATIONS: readonly BundledOccupation[] = [
  ...CARE_OCCUPATIONS,
  ...SERVICE_OCCUPATIONS,
  ...TRADE_OCCUPATIONS,
  ...OFFICE_OCCUPATIONS,
];
