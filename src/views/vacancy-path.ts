/** The vacancy page's address; with a participant, the page also says why the vacancy fits them and offers to shortlist it. */
export function vacancyPath(vacancyId: number, participantId?: number | null): string {
  return participantId != null ? `/vacancies/${vacancyId}?participant=${participantId}` : `/vacancies/${vacancyId}`;
}
