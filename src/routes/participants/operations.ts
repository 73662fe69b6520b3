import { z } from 'zod';
import { ParticipantBodySchema } from '../../participants/validation.ts';
import { registerOperation } from '../openapi.ts';
import { ListQuerySchema, MatchesQuerySchema, PivotsQuerySchema, TransitionsQuerySchema } from './queries.ts';

/** The OpenAPI description of /v1/participants (./index.ts), beside the router it describes. */
const tags = ['Participants'];
const IdParams = z.object({ id: z.string().describe('Participant id') });
const notYours = { description: 'No such participant in your organisation (another organisation’s participants read as absent)' };
const EXAMPLE_PARTICIPANT = {
  reference: 'CASE-0042',
  name: 'J. Example',
  location: 'LS1 4AP',
  maxTravelKm: 20,
  history: [
    { title: 'Warehouse operative', years: 3 },
    { occupation: 'soc:7111', years: 2 },
  ],
  skills: { add: ['Operate a forklift'], remove: [] },
  licences: ['B', 'forklift'],
  qualifications: ['NVQ Level 2 Warehousing'],
  hoursPerWeek: 37.5,
  salaryFloor: 21000,
  remote: 'onsite',
};

registerOperation({
  method: 'post',
  path: '/v1/participants',
  summary: 'Add a participant to your organisation’s caseload',
  description:
    'Minimal personal data only; unknown fields are rejected. `location` is a place name, postcode or "lat,lon" (unresolvable text is kept and flagged `resolved: false`). History titles are resolved to taxonomy occupations (kept beside the original text); `occupation` takes an id or code (`soc:6135`). Skills are ids or exact labels. Licences are understood in everyday words ("C+E", "HGV class 2", "forklift", "SIA", "CSCS", "enhanced DBS", "own car"). The response includes the derived skill profile: the strongest skills with why we think the participant has them.',
  tags,
  auth: 'coach',
  body: { schema: ParticipantBodySchema, example: EXAMPLE_PARTICIPANT },
  responses: { 201: { description: 'Created' }, 400: { description: 'Malformed JSON' }, 422: { description: 'Invalid fields, each named by path' } },
});
registerOperation({
  method: 'get',
  path: '/v1/participants',
  summary: 'List your organisation’s participants',
  tags,
  auth: 'coach',
  query: ListQuerySchema,
  responses: { 200: { description: 'A page of participants, most recently updated first' } },
});
registerOperation({
  method: 'get',
  path: '/v1/participants/{id}',
  summary: 'Read a participant, with their derived skill profile',
  tags,
  auth: 'coach',
  params: IdParams,
  responses: { 200: { description: 'The participant' }, 404: notYours },
});
registerOperation({
  method: 'patch',
  path: '/v1/participants/{id}',
  summary: 'Change a participant',
  description: 'Send only the fields to change; `history`, `licences`, `qualifications`, `skills.add` and `skills.remove` replace the stored lists.',
  tags,
  auth: 'coach',
  params: IdParams,
  body: { schema: ParticipantBodySchema, example: { maxTravelKm: 30, licences: ['B', 'C'] } },
  responses: { 200: { description: 'The changed participant' }, 404: notYours, 422: { description: 'Invalid fields, each named by path' } },
});
registerOperation({
  method: 'delete',
  path: '/v1/participants/{id}',
  summary: 'Erase a participant and every row about them',
  description: 'Irreversible. Audit rows about the participant keep only who did what when against the bare id.',
  tags,
  auth: 'coach',
  params: IdParams,
  responses: { 204: { description: 'Erased' }, 404: notYours },
});
registerOperation({
  method: 'get',
  path: '/v1/participants/{id}/matches',
  summary: 'Vacancies ranked by fit for a participant, each with its explanation',
  description:
    'The /v1/search filters, defaulting to the participant: `near` to their location, `radiusKm` to their maximum travel, `salaryMin` to their salary floor (adverts stating no salary are kept). Ranked by a blend of match score (0.55), text relevance (0.20, only with `q`), distance (0.15) and recency (0.10). The match score is the specificity-weighted share of the vacancy’s needs (its advert skills and its occupation’s skills) the participant has, times how much we know about those needs (`evidence`), times a factor per missing requirement. Each result explains its match: matched skills with the advert text evidencing each, missing skills by importance, requirement flags (licences, DBS, CSCS, SIA…) met or missing, and the gap.',
  tags,
  auth: 'coach',
  params: IdParams,
  query: MatchesQuerySchema,
  responses: { 200: { description: 'Ranked matches' }, 404: notYours, 422: { description: 'Invalid query parameters, each named' } },
});
registerOperation({
  method: 'get',
  path: '/v1/participants/{id}/transitions',
  summary: 'Occupations reachable from a participant’s skills',
  description:
    'Asymmetric similarity from the participant’s whole skill profile to each occupation (coverage of its essential, optional and knowledge skills and skill groups, specificity-weighted), with the missing essential skills and the viability (similarity, at most one skill level up) and desirability (pay ≥ 90% of their floor or last job) guards and their values.',
  tags,
  auth: 'coach',
  params: IdParams,
  query: TransitionsQuerySchema,
  responses: { 200: { description: 'Reachable occupations, most similar first' }, 404: notYours, 422: { description: 'Invalid query parameters' } },
});
registerOperation({
  method: 'get',
  path: '/v1/participants/{id}/pivots',
  summary: 'Occupations a participant could pivot into, grouped by sector, with growth, local demand, gaps and courses',
  description:
    'Destinations (never their own past occupations) that pass the transition guards, ranked by transferability × growth of the destination’s sector and occupation (13 weeks against the previous 13, smoothed; official ONS series when our history is short) × live vacancies within their travel range × pay relative to their floor. Each suggestion carries the numbers behind every factor, the missing essential skills, short courses or licences that bridge them, and a link to matching vacancies. Each sector group carries `trend`: the sector’s live vacancies a day in the area over the last year of history, from its first day with data (`from`) to `to`.',
  tags: ['Participants'],
  auth: 'coach',
  params: IdParams,
  query: PivotsQuerySchema,
  responses: {
    200: { description: 'Pivot suggestions grouped by sector' },
    404: { description: 'No such participant in your organisation' },
    422: { description: 'Invalid query parameters, each named' },
  },
});
