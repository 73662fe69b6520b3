import { basename, join, resolve } from 'node:path';
import type { Db } from '../../db.ts';
import type { SkillType } from '../model.ts';
import { skillLevelFromIsco, sectorFromIsco } from './occupation-mappings.ts';
import { runVersionedImport } from './versioned-import.ts';
import { createByteCounter, fileSize, findFile, readRecords, silentProgress, splitLines, type ImportProgress } from './read-records.ts';

/**
 * Imports an ESCO CSV release (v1.1+, English): occupations, skills,
 * occupation↔skill relations, skill groups and hierarchy, ISCO groups.
 * Streams every file, writes in one transaction with prepared statements,
 * upserts by stable id (`esco:<uuid>`), so re-running it is safe.
 */
export interface EscoImportResult {
  versionId: number;
  counts: { occupations: number; skills: number; relations: number; groups: number; iscoGroups: number; skipped: number };
  seconds: number;
}

const ESCO = 'http://data.europa.eu/esco/';

/** `…/esco/skill/<uuid>` → `<uuid>`; `…/occupation/<uuid>` → `<uuid>`. */
export function escoUuid(uri: string): string {
  const i = uri.lastIndexOf('/');
  return i >= 0 ? uri.slice(i + 1).trim() : uri.trim();
}

/** Skill-group URIs live in several namespaces (`isced-f/00`, `skill/<uuid>`): keep what makes them unique. */
export function escoGroupId(uri: string): string {
  const rest = uri.startsWith(ESCO) ? uri.slice(ESCO.length) : uri;
  return `escog:${rest.replace(/^skill\//, '')}`;
}

/** ESCO skillType + reuseLevel → our SkillType. Knowledge stays knowledge whatever its reach. */
export function escoSkillType(skillType: string | undefined, reuseLevel: string | undefined): SkillType {
  if ((skillType ?? '').trim() === 'knowledge') return 'knowledge';
  switch ((reuseLevel ?? '').trim()) {
    case 'transversal':
      return 'transversal';
    case 'cross-sector':
      return 'cross-sector';
    case 'sector-specific':
      return 'sector-specific';
    case 'occupation-specific':
      return 'occupation-specific';
    default:
      return 'cross-sector';
  }
}

export async function importEsco(
  db: Db,
  dir: string,
  opts: { now: number; progress?: ImportProgress },
): Promise<EscoImportResult> {
  const t0 = performance.now();
  const root = resolve(dir);
  const dirs = [root, join(root, 'classification_en'), join(root, 'relations'), join(root, 'csv')];
  const files = {
    occupations: findFile(dirs, ['occupations_en.csv']),
    skills: findFile(dirs, ['skills_en.csv']),
    groups: findFile(dirs, ['skillGroups_en.csv']),
    hierarchy: findFile(dirs, ['skillsHierarchy_en.csv']),
    broader: findFile(dirs, ['broaderRelationsSkillPillar.csv', 'broaderRelationsSkillPillar_en.csv']),
    isco: findFile(dirs, ['ISCOGroups_en.csv']),
    relations: findFile(dirs, ['occupationSkillRelations.csv', 'occupationSkillRelations_en.csv']),
  };
  const { occupations: occupationsFile, skills: skillsFile } = files;
  if (!occupationsFile || !skillsFile) {
    throw new Error(`not an ESCO CSV release: occupations_en.csv and skills_en.csv not found under ${root}`);
  }
  const progress = opts.progress ?? silentProgress;
  const counter = createByteCounter(progress, Object.values(files).reduce((n, f) => n + fileSize(f), 0));
  const csv = (path: string) => readRecords(path, { delimiter: ',', quoted: true, onBytes: counter.file(basename(path)) });

  const counts = { occupations: 0, skills: 0, relations: 0, groups: 0, iscoGroups: 0, skipped: 0 };
  const c = db.$client;
  return runVersionedImport(db, { source: 'esco', label: `ESCO ${basename(root)}`, now: opts.now, progress, t0, counts }, async (w) => {

    // 1. Broader relations first: they give each skill its group and each group its parent.
    const skillGroup = new Map<string, string>();
    const skillBroaderSkill = new Map<string, string>();
    const groupParent = new Map<string, string>();
    if (files.broader) {
      for await (const r of csv(files.broader)) {
        const type = r.conceptType ?? '';
        const uri = r.conceptUri ?? '';
        const broader = r.broaderUri ?? '';
        if (!uri || !broader) continue;
        if (type === 'SkillGroup') {
          if (!groupParent.has(uri)) groupParent.set(uri, broader);
        } else if (r.broaderType === 'SkillGroup') {
          if (!skillGroup.has(uri)) skillGroup.set(uri, broader);
        } else if (!skillBroaderSkill.has(uri)) skillBroaderSkill.set(uri, broader);
      }
      counter.done(files.broader);
    }

    // 2. Skill groups (labels), completed from the hierarchy file.
    const groupLabels = new Map<string, string>();
    if (files.groups) {
      for await (const r of csv(files.groups)) {
        const uri = r.conceptUri ?? '';
        const label = (r.preferredLabel ?? '').trim();
        if (uri && label) groupLabels.set(uri, label);
      }
      counter.done(files.groups);
    }
    if (files.hierarchy) {
      for await (const r of csv(files.hierarchy)) {
        let parent: string | null = null;
        for (let level = 0; level <= 3; level++) {
          const uri = (r[`Level ${level} URI`] ?? '').trim();
          const label = (r[`Level ${level} preferred term`] ?? '').trim();
          if (!uri) break;
          if (label && !groupLabels.has(uri)) groupLabels.set(uri, label);
          if (parent && !groupParent.has(uri)) groupParent.set(uri, parent);
          parent = uri;
        }
      }
      counter.done(files.hierarchy);
    }
    for (const [uri, label] of groupLabels) {
      const parent = groupParent.get(uri);
      w.group({ id: escoGroupId(uri), label, parentId: parent && groupLabels.has(parent) ? escoGroupId(parent) : null });
      counts.groups++;
    }

    // 3. ISCO groups: labels, and the sector / skill level of ESCO occupations.
    if (files.isco) {
      for await (const r of csv(files.isco)) {
        const code = (r.code ?? '').trim();
        const label = (r.preferredLabel ?? '').trim();
        if (!code || !label) continue;
        w.iscoGroup(code, label);
        counts.iscoGroups++;
      }
      counter.done(files.isco);
    }

    // 4. Skills.
    const groupOf = (uri: string): string | null => {
      let cur = uri;
      for (let depth = 0; depth < 12; depth++) {
        const g = skillGroup.get(cur);
        if (g) return groupLabels.has(g) ? escoGroupId(g) : null;
        const up = skillBroaderSkill.get(cur);
        if (!up) return null;
        cur = up;
      }
      return null;
    };
    for await (const r of csv(skillsFile)) {
      const uri = (r.conceptUri ?? '').trim();
      const label = (r.preferredLabel ?? '').trim();
      if (!uri || !label) {
        counts.skipped++;
        continue;
      }
      const alt = splitLines(r.altLabels).filter((a) => a.toLowerCase() !== label.toLowerCase());
      w.skill({
        id: `esco:${escoUuid(uri)}`,
        label,
        altLabels: alt,
        type: escoSkillType(r.skillType, r.reuseLevel),
        groupId: groupOf(uri),
        description: emptyToNull(r.description) ?? emptyToNull(r.definition),
      });
      counts.skills++;
    }
    counter.done(files.skills);

    // 5. Occupations.
    for await (const r of csv(occupationsFile)) {
      const uri = (r.conceptUri ?? '').trim();
      const title = (r.preferredLabel ?? '').trim();
      if (!uri || !title) {
        counts.skipped++;
        continue;
      }
      const isco = (r.iscoGroup ?? '').trim().replace(/^C/, '') || null;
      const uuid = escoUuid(uri);
      w.occupation({
        id: `esco:${uuid}`,
        scheme: 'esco',
        code: (r.code ?? '').trim() || uuid,
        title,
        altTitles: splitLines(r.altLabels).filter((a) => a.toLowerCase() !== title.toLowerCase()),
        description: emptyToNull(r.description) ?? emptyToNull(r.definition),
        skillLevel: skillLevelFromIsco(isco),
        typicalPayAnnual: null,
        sector: sectorFromIsco(isco),
        iscoGroup: isco,
      });
      counts.occupations++;
    }
    counter.done(files.occupations);

    // 6. Relations, rewritten whole so a relation the release dropped goes too.
    if (files.relations) {
      w.clearRelations('esco:');
      for await (const r of csv(files.relations)) {
        const occ = (r.occupationUri ?? '').trim();
        const skill = (r.skillUri ?? '').trim();
        const rel = (r.relationType ?? '').trim();
        if (!occ || !skill || (rel !== 'essential' && rel !== 'optional')) {
          counts.skipped++;
          continue;
        }
        w.relation({
          occupationId: `esco:${escoUuid(occ)}`,
          skillId: `esco:${escoUuid(skill)}`,
          relation: rel,
          weight: rel === 'essential' ? 1 : 0.5,
        });
        counts.relations++;
      }
      counter.done(files.relations);
    }
  });
}

function emptyToNull(v: string | undefined): string | null {
  const t = (v ?? '').trim();
  return t ? t : null;
}
