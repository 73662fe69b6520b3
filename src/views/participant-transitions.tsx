import type { FC } from 'hono/jsx';
import type { TransitionsJson } from '../routes/participants/json.ts';
import { formatMoney, formatPercent } from './format.ts';

/** The similarity's parts in words (a part the occupation has nothing for is left out). */
function overlapParts(c: TransitionsJson['items'][number]['components']): string {
  const parts: [string, number | null][] = [['essential', c.essential], ['optional', c.optional], ['knowledge', c.knowledge], ['related', c.group]];
  return parts.filter(([, v]) => v != null).map(([k, v]) => `${k} ${formatPercent(v as number)}`).join(', ');
}

/** The participant page's transitions section: reachable occupations with their guards and gaps. */
export const Transitions: FC<{ t: TransitionsJson }> = ({ t }) => (
  <section aria-labelledby="transitions-heading">
    <h2 id="transitions-heading">Jobs their skills transfer to</h2>
    <p class="small muted" id="transitions-explained">
      Skill overlap: the share of what the occupation needs that their skills already cover, each skill weighted by how
      specific it is (rare skills count more than common ones). Its parts: essential skills (half of it), optional skills,
      knowledge, and related skills of the same group (partial credit). Guards: at least {formatPercent(t.guards.minSimilarity)}{' '}
      overlap, at most {t.guards.maxLevelUp} skill level up, and typical pay between {formatPercent(t.guards.minPayRatio)} and{' '}
      {formatPercent(t.guards.maxPayRatio)} of theirs{t.from.payBasis ? ` (${t.from.payBasis})` : ''}.
    </p>
    {t.items.length ? (
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">Occupation</th>
            <th scope="col" class="num">
              Skill overlap
            </th>
            <th scope="col">Missing essential skills</th>
            <th scope="col" class="num">
              Typical pay
            </th>
            <th scope="col">Guards</th>
          </tr>
        </thead>
        <tbody>
          {t.items.map((x) => (
            <tr>
              <td data-label="Occupation">
                {x.occupation.title}
                <span class="muted small"> ({x.occupation.code})</span>
              </td>
              <td class="num" data-label="Skill overlap">
                {formatPercent(x.similarity)}
                <span class="muted small">
                  {' '}
                  ({overlapParts(x.components)})
                </span>
              </td>
              <td class="small" data-label="Missing essential skills">
                {x.gaps.length ? x.gaps.map((g) => g.label).join(', ') : <span class="ok">none</span>}
                {x.missingEssential > x.gaps.length ? ` and ${x.missingEssential - x.gaps.length} more` : ''}
              </td>
              <td class="num" data-label="Typical pay">
                {x.occupation.typicalPayAnnual != null ? formatMoney(x.occupation.typicalPayAnnual) : '–'}
                {x.guards.pay.ratio != null ? <span class="muted small"> ({formatPercent(x.guards.pay.ratio)} of theirs)</span> : null}
              </td>
              <td class="small" data-label="Guards">{x.guards.reasons.length ? <span class="gap">{x.guards.reasons.join('; ')}</span> : <span class="ok">passes</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : (
      <p>{t.note ?? 'No occupations pass the guards (enough skill overlap, at most one skill level up, pay neither far above nor below theirs).'}</p>
    )}
  </section>
);
