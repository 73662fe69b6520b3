import type { FC } from 'hono/jsx';
import type { TransitionsJson } from '../routes/participants/json.ts';
import { formatMoney, formatPercent } from './format.ts';

/** The participant page's transitions section: reachable occupations with their guards and gaps. */
export const Transitions: FC<{ t: TransitionsJson }> = ({ t }) => (
  <section aria-labelledby="transitions-heading">
    <h2 id="transitions-heading">Jobs their skills transfer to</h2>
    {t.items.length ? (
      <table>
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
          </tr>
        </thead>
        <tbody>
          {t.items.map((x) => (
            <tr>
              <td>
                {x.occupation.title}
                <span class="muted small"> ({x.occupation.code})</span>
              </td>
              <td class="num">{formatPercent(x.similarity)}</td>
              <td class="small">
                {x.gaps.length ? x.gaps.map((g) => g.label).join(', ') : <span class="ok">none</span>}
                {x.missingEssential > x.gaps.length ? ` and ${x.missingEssential - x.gaps.length} more` : ''}
              </td>
              <td class="num">{x.occupation.typicalPayAnnual != null ? formatMoney(x.occupation.typicalPayAnnual) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : (
      <p>{t.note ?? 'No occupations pass the guards (enough skill overlap, at most one skill level up, pay near their floor).'}</p>
    )}
  </section>
);
