import { createHash } from 'node:crypto';
import type { NormalisedVacancy } from './model.ts';

/**
 * Hash of what a vacancy says (not when it was seen): equal hashes mean a
 * re-sent or re-scraped vacancy is unchanged, so nothing is rewritten or
 * re-indexed. Keys are written in a fixed order so the hash is stable.
 */
export function contentHash(v: NormalisedVacancy): string {
  const canonical = JSON.stringify([
    v.title,
    v.titleOriginal,
    v.descriptionText,
    v.descriptionHtml,
    v.url,
    v.applyUrl,
    v.employerName,
    v.endEmployerName,
    v.location,
    v.extraLocations,
    v.remote,
    v.employmentType,
    v.contract,
    v.hoursPerWeek,
    v.shifts,
    v.salary,
    v.datePosted,
    v.validThrough,
    v.requestedStatus,
    v.occupation,
    v.sector,
    v.skills,
    v.requirements,
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}
