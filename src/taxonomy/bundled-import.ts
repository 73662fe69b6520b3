import { createHash } from 'node:crypto';
import type { Db } from '../db.ts';
import { BUNDLED_OCCUPATIONS, BUNDLED_SECTORS, BUNDLED_SKILL_GROUPS, BUNDLED_SKILLS, BUNDLED_TAXONOMY_VERSION } from './bundled/index.ts';
import type { BundledOccupation, BundledSkill, BundledSkillGroup } from './bundled/types.ts';
import type { Sector } from './model.ts';
import { createTaxonomyVersion, createTaxonomyWriter, ensureSectors, finishTaxonomyVersion } from './store.ts';

/** Everything the bundled UK taxonomy holds that goes into the store. */
export interface BundledTaxonomyData {
  groups: readonly BundledSkillGroup[];
  skills: readonly BundledSkill[];
  occupations: readonly BundledOccupation[];
  sectors?: readonly Sector[];
}

/** The UK taxonomy shipped in src/taxonomy/bundled/. */
export const BUNDLED_TAXONOMY: BundledTaxonomyData = {
  groups: BUNDLED_SKILL_GROUPS,
  skills: BUNDLED_SKILLS,
  occupations: BUNDLED_OCCUPATIONS,
  sectors: BUNDLED_SECTORS,
};

export interface BundledLoadResult {
  /** False when this exact bundled data was already loaded (nothing written). */
  loaded: boolean;
  versionId: number;
  counts: Record<string, number>;
}

/**
 * Loads the bundled UK taxonomy on first start, and again only when the
 * bundled data itself changed (its content hash is the version label), so
 * calling it at every start-up is cheap and idempotent. Upserts by stable id:
 * ESCO/O*NET rows imported beside it are untouched.
 */
export function ensureBundledTaxonomy(db: Db, now: number, data: BundledTaxonomyData = BUNDLED_TAXONOMY): BundledLoadResult {
  const label = `${data === BUNDLED_TAXONOMY ? BUNDLED_TAXONOMY_VERSION : 'bundled'}@${hashBundled(data)}`;
  const existing = db.$client
    .prepare("SELECT id, counts FROM taxonomy_versions WHERE source = 'bundled' AND label = ? ORDER BY id DESC LIMIT 1")
    .get(label) as { id: number; counts: string } | undefined;
  if (existing) {
    ensureSectors(db);
    return { loaded: false, versionId: existing.id, counts: JSON.parse(existing.counts) as Record<string, number> };
  }
  return importBundledTaxonomy(db, now, data, label);
}

function importBundledTaxonomy(db: Db, now: number, data: BundledTaxonomyData, label: string): BundledLoadResult {
  let versionId = 0;
  const counts = { occupations: 0, skills: 0, relations: 0, groups: 0, sectors: 0 };
  db.$client.transaction(() => {
    versionId = createTaxonomyVersion(db, 'bundled', label, now);
    const w = createTaxonomyWriter(db, versionId);
    ensureSectors(db);
    if (data.sectors) {
      const stmt = db.$client.prepare('INSERT INTO sectors (code, title) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET title = excluded.title');
      for (const s of data.sectors) stmt.run(s.code, s.title);
    }
    counts.sectors = Number(db.$client.prepare('SELECT count(*) FROM sectors').pluck().get());
    for (const g of data.groups) {
      w.group({ id: g.id, label: g.label, parentId: g.parent });
      counts.groups++;
    }
    for (const s of data.skills) {
      w.skill({ id: s.id, label: s.label, altLabels: [...s.alt], type: s.type, groupId: s.group, description: null });
      counts.skills++;
    }
    // Relations of bundled occupations are rewritten whole: an edit to the
    // bundled data that drops a skill must drop the relation too.
    w.clearRelations('soc:');
    for (const o of data.occupations) {
      const id = `soc:${o.soc}`;
      w.occupation({
        id,
        scheme: 'soc',
        code: o.soc,
        title: o.title,
        altTitles: [...o.alt],
        description: o.description,
        skillLevel: o.skillLevel,
        typicalPayAnnual: o.pay,
        sector: o.sector,
      });
      counts.occupations++;
      const seen = new Set<string>();
      for (const skillId of o.essential) {
        if (seen.has(skillId)) continue;
        seen.add(skillId);
        w.relation({ occupationId: id, skillId, relation: 'essential', weight: 1 });
        counts.relations++;
      }
      for (const skillId of o.optional) {
        if (seen.has(skillId)) continue;
        seen.add(skillId);
        w.relation({ occupationId: id, skillId, relation: 'optional', weight: 0.5 });
        counts.relations++;
      }
    }
    finishTaxonomyVersion(db, versionId, counts);
  })();
  return { loaded: true, versionId, counts };
}

function hashBundled(data: BundledTaxonomyData): string {
  const h = createHash('sha256');
  h.update(JSON.stringify([data.groups, data.skills, data.occupations, data.sectors ?? null]));
  return h.digest('hex').slice(0, 12);
}
