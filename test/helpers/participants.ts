import type { Coach } from '../../src/auth/coaches.ts';
import { createParticipantFromBody, type ParticipantDeps } from '../../src/participants/service.ts';
import type { Participant } from '../../src/participants/store.ts';
import { ParticipantBodySchema } from '../../src/participants/validation.ts';

/** A participant from an API-shaped body, through the same schema and resolution as POST /v1/participants. */
export function addParticipant(deps: ParticipantDeps, coach: Coach, body: unknown): Participant {
  return createParticipantFromBody(deps, coach, ParticipantBodySchema.parse(body));
}
