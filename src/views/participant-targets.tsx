import type { FC } from 'hono/jsx';
import type { PivotResult } from '../pivots/pivots.ts';
import { PivotItem } from './participant-pivots.tsx';

/**
 * The participant page's "Aiming for" section: each target occupation
 * (what they want to do) as a pivot card, whatever the guards say (the card
 * names the guards it fails, in words): the gaps are the plan, so the coach sees what
 * stands between them and the goal rather than the goal left out.
 */
export const Targets: FC<{ pv: PivotResult; participantId: number }> = ({ pv, participantId }) => (
  <section aria-labelledby="targets-heading">
    <h2 id="targets-heading">Aiming for</h2>
    {pv.targets.length ? (
      <ul class="cards">
        {pv.targets.map((s) => (
          <PivotItem s={s} participantId={participantId} />
        ))}
      </ul>
    ) : (
      <p class="small muted">
        No target occupation yet: add the jobs they are aiming for to the profile (“Jobs they are aiming for”) to see their
        gaps, courses and vacancies here.
      </p>
    )}
  </section>
);
