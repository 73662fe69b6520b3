import { basename, resolve } from 'node:path';
import type { Db } from '../../db.ts';
import type { SkillType } from '../model.ts';
import { sectorFromOnet } from './occupation-mappings.ts';
import { runVersionedImport } from './versioned-import.ts';
import { createByteCounter, fileSize, findFile, readRecords, silentProgress, type ImportProgress } from './read-records.ts';

/**
 * Imports an O*NET database release in its text form (the official
 * tab-separated `.txt` files, or the `.tsv` files converted from the Excel
 * release, which add title and scale-name columns): occupations, skills and
 * knowledge with importance and level, alternate and reported titles, job
 * zones, hot technologies. Upserts by stable id (`onet:<O*NET-SOC code>`,
 * `onet:<element id>`), so re-running it is safe.
 *
 * Importance (IM, 1–5) → weight (IM − 1) / 4. Relation: essential when
 * IM ≥ 3.5 ("important" to "extremely important" on O*NET's scale),
 * optional when 2.5 ≤ IM < 3.5, and no relation below 2.5 (every O*NET
 * occupation rates every element; the low ones are noise for matching).
 * Rows O*NET recommends suppressing, or marks not relevant, are skipped.
 *
 * Transition similarity (src/matching/onet-similarity.ts) needs more than
 * those needs, so every rated element is also kept with its importance and
 * level in occupation_ratings, whatever its importance (a level O*NET marks
 * not relevant is kept as 0, its meaning), and so are the occupation's
 * detailed work activities (`Tasks to DWAs`), each weighted by the tasks
 * that perform it: 1 per core task, 0.5 per supplemental one (`Task
 * Statements`' Task Type; 1 when that file is absent).
 */
export const ONET_ESSENTIAL_IMPORTANCE = 3.5;
export const ONET_OPTIONAL_IMPORTANCE = 2.5;

export interface OnetImportResult {
  versionId: number;
  counts: {
    occupations: number; skills: number; relations: number; groups: number; altTitles: number; technologies: number;
    ratings: number; activities: number; skipped: number;
  };
  seconds: number;
}

function onetFile(dir: string, base: string): string | null {
  return findFile([dir], [`${base}.txt`, `${base}.tsv`]);
}

/** O*NET content-model element → our SkillType: basic skills are transversal, cross-functional ones cross-sector. */
function onetSkillType(elementId: string): SkillType {
  if (elementId.startsWith('2.C')) return 'knowledge';
  if (elementId.startsWith('2.A')) return 'transversal';
  return 'cross-sector';
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9+#]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export async function importOnet(
  db: Db,
  dir: string,
  opts: { now: number; progress?: ImportProgress },
): Promise<OnetImportResult> {
  const t0 = performance.now();
  const root = resolve(dir);
  const files = {
    occupations: onetFile(root, 'Occupation Data'),
    skills: onetFile(root, 'Skills'),
    knowledge: onetFile(root, 'Knowledge'),
    alternate: onetFile(root, 'Alternate Titles'),
    reported: onetFile(root, 'Sample of Reported Titles'),
    zones: onetFile(root, 'Job Zones'),
    technology: onetFile(root, 'Technology Skills'),
    contentModel: onetFile(root, 'Content Model Reference'),
    tasks: onetFile(root, 'Task Statements'),
    taskDwas: onetFile(root, 'Tasks to DWAs'),
  };
  const occupationsFile = files.occupations;
  if (!occupationsFile) throw new Error(`not an O*NET text release: "Occupation Data.txt" not found in ${root}`);
  const progress = opts.progress ?? silentProgress;
  const counter = createByteCounter(progress, Object.values(files).reduce((n, f) => n + fileSize(f), 0));
  const tsv = (path: string) => readRecords(path, { delimiter: '\t', quoted: false, onBytes: counter.file(basename(path)) });
  const counts = { occupations: 0, skills: 0, relations: 0, groups: 0, altTitles: 0, technologies: 0, ratings: 0, activities: 0, skipped: 0 };

  const c = db.$client;
  return runVersionedImport(db, { source: 'onet', label: `O*NET ${basename(root)}`, now: opts.now, progress, t0, counts }, async (w) => {

    // Element names and descriptions (skills, knowledge and their groups).
    const elements = new Map<string, { name: string; description: string }>();
    if (files.contentModel) {
      for await (const r of tsv(files.contentModel)) {
        const id = (r['Element ID'] ?? '').trim();
        if (id) elements.set(id, { name: (r['Element Name'] ?? '').trim(), description: (r.Description ?? '').trim() });
      }
      counter.done(files.contentModel);
    }

    // Occupations are gathered in memory first (about a thousand), then written with their titles.
    interface Occ { code: string; title: string; description: string; alt: Set<string>; zone: number | null }
    const occs = new Map<string, Occ>();
    for await (const r of tsv(occupationsFile)) {
      const code = (r['O*NET-SOC Code'] ?? '').trim();
      const title = (r.Title ?? '').trim();
      if (!code || !title) {
        counts.skipped++;
        continue;
      }
      occs.set(code, { code, title, description: (r.Description ?? '').trim(), alt: new Set(), zone: null });
    }
    counter.done(files.occupations);
    const addAlt = (code: string, title: string | undefined) => {
      const o = occs.get(code.trim());
      const t = (title ?? '').trim();
      if (o && t && t.toLowerCase() !== o.title.toLowerCase()) o.alt.add(t);
    };
    if (files.alternate) {
      for await (const r of tsv(files.alternate)) {
        const code = r['O*NET-SOC Code'] ?? '';
        addAlt(code, r['Alternate Title']);
        addAlt(code, r['Short Title']);
      }
      counter.done(files.alternate);
    }
    if (files.reported) {
      for await (const r of tsv(files.reported)) addAlt(r['O*NET-SOC Code'] ?? '', r['Reported Job Title']);
      counter.done(files.reported);
    }
    if (files.zones) {
      for await (const r of tsv(files.zones)) {
        const o = occs.get((r['O*NET-SOC Code'] ?? '').trim());
        const z = Number(r['Job Zone']);
        if (o && z >= 1 && z <= 5) o.zone = z;
      }
      counter.done(files.zones);
    }
    for (const o of occs.values()) {
      w.occupation({
        id: `onet:${o.code}`,
        scheme: 'onet',
        code: o.code,
        title: o.title,
        altTitles: [...o.alt],
        description: o.description || null,
        skillLevel: o.zone,
        typicalPayAnnual: null,
        sector: sectorFromOnet(o.code),
      });
      counts.occupations++;
      counts.altTitles += o.alt.size;
    }

    // Skills and knowledge: IM and LV rows per occupation × element, paired up.
    w.clearRelations('onet:');
    w.clearRatings('onet:');
    const groupsWritten = new Set<string>();
    const skillsWritten = new Set<string>();
    const writeGroup = (id: string) => {
      if (groupsWritten.has(id)) return;
      groupsWritten.add(id);
      const parent = id.split('.').slice(0, -1).join('.');
      const hasParent = parent.split('.').length >= 2; // 2.A, 2.B, 2.C are the roots we keep
      if (hasParent) writeGroup(parent);
      w.group({ id: `onetg:${id}`, label: elements.get(id)?.name || id, parentId: hasParent ? `onetg:${parent}` : null });
      counts.groups++;
    };
    for (const path of [files.skills, files.knowledge]) {
      if (!path) continue;
      const pending = new Map<string, { im: number | null; lv: number | null; lvNotRelevant: boolean; name: string }>();
      for await (const r of tsv(path)) {
        const code = (r['O*NET-SOC Code'] ?? '').trim();
        const element = (r['Element ID'] ?? '').trim();
        const scale = (r['Scale ID'] ?? '').trim();
        const value = Number(r['Data Value']);
        if (!occs.has(code) || !element || !Number.isFinite(value)) continue;
        if ((r['Recommend Suppress'] ?? '').trim() === 'Y') continue;
        const key = `${code}\t${element}`;
        let p = pending.get(key);
        if (!p) pending.set(key, (p = { im: null, lv: null, lvNotRelevant: false, name: (r['Element Name'] ?? '').trim() }));
        if ((r['Not Relevant'] ?? '').trim() === 'Y') {
          if (scale === 'LV') p.lvNotRelevant = true;
          continue;
        }
        if (scale === 'IM') p.im = value;
        else if (scale === 'LV') p.lv = value;
      }
      const domain = path === files.knowledge ? 'knowledge' : 'skills';
      counter.done(path);
      for (const [key, p] of pending) {
        const [code, element] = key.split('\t') as [string, string];
        const skillId = `onet:${element}`;
        if (!skillsWritten.has(skillId)) {
          skillsWritten.add(skillId);
          const groupId = element.split('.').slice(0, -1).join('.');
          writeGroup(groupId);
          w.skill({
            id: skillId,
            label: elements.get(element)?.name || p.name || element,
            altLabels: [],
            type: onetSkillType(element),
            groupId: `onetg:${groupId}`,
            description: elements.get(element)?.description || null,
          });
          counts.skills++;
        }
        if (p.im !== null) {
          w.rating({ occupationId: `onet:${code}`, elementId: skillId, domain, importance: p.im, level: p.lvNotRelevant ? 0 : p.lv });
          counts.ratings++;
        }
        if (p.im === null || p.im < ONET_OPTIONAL_IMPORTANCE) continue;
        w.relation({
          occupationId: `onet:${code}`,
          skillId,
          relation: p.im >= ONET_ESSENTIAL_IMPORTANCE ? 'essential' : 'optional',
          weight: Math.max(0, Math.min(1, (p.im - 1) / 4)),
          importance: p.im,
          level: p.lv,
        });
        counts.relations++;
      }
    }

    // Detailed work activities, weighted by the tasks that perform them.
    if (files.taskDwas) {
      const taskWeight = new Map<string, number>();
      if (files.tasks) {
        for await (const r of tsv(files.tasks)) {
          const id = (r['Task ID'] ?? '').trim();
          if (id) taskWeight.set(id, (r['Task Type'] ?? '').trim() === 'Supplemental' ? 0.5 : 1);
        }
        counter.done(files.tasks);
      }
      const dwas = new Map<string, number>();
      for await (const r of tsv(files.taskDwas)) {
        const code = (r['O*NET-SOC Code'] ?? '').trim();
        const dwa = (r['DWA ID'] ?? '').trim();
        if (!occs.has(code) || !dwa) continue;
        const key = `${code}\t${dwa}`;
        dwas.set(key, (dwas.get(key) ?? 0) + (taskWeight.get((r['Task ID'] ?? '').trim()) ?? 1));
      }
      counter.done(files.taskDwas);
      for (const [key, weight] of dwas) {
        const [code, dwa] = key.split('\t') as [string, string];
        w.rating({ occupationId: `onet:${code}`, elementId: `onet:${dwa}`, domain: 'activities', importance: weight, level: null });
        counts.activities++;
      }
    }

    // Hot technologies become skills (`onet:tech:<slug>`), grouped by commodity.
    if (files.technology) {
      for await (const r of tsv(files.technology)) {
        if ((r['Hot Technology'] ?? '').trim() !== 'Y') continue;
        const code = (r['O*NET-SOC Code'] ?? '').trim();
        const example = (r.Example ?? '').trim();
        const s = slug(example);
        if (!occs.has(code) || !s) continue;
        const skillId = `onet:tech:${s}`;
        const commodity = (r['Commodity Code'] ?? '').trim();
        const groupId = commodity ? `onetg:tech:${commodity}` : null;
        if (groupId && !groupsWritten.has(groupId)) {
          groupsWritten.add(groupId);
          w.group({ id: groupId, label: (r['Commodity Title'] ?? '').trim() || commodity, parentId: null });
          counts.groups++;
        }
        if (!skillsWritten.has(skillId)) {
          skillsWritten.add(skillId);
          w.skill({ id: skillId, label: example, altLabels: [], type: 'cross-sector', groupId, description: null });
          counts.skills++;
          counts.technologies++;
        }
        const inDemand = (r['In Demand'] ?? '').trim() === 'Y';
        w.relation({ occupationId: `onet:${code}`, skillId, relation: 'optional', weight: inDemand ? 0.6 : 0.4 });
        counts.relations++;
      }
      counter.done(files.technology);
    }
  });
}
