import { describe, expect, it } from 'vitest';
import { assertTaskSucceeded, MeiliTaskError } from '../../../src/search/meilisearch/tasks.ts';

const base = { uid: 42, type: 'documentAdditionOrUpdate' as const, indexUid: 'flightpath_vacancies' };

describe('assertTaskSucceeded', () => {
  it('accepts a succeeded task', () => {
    expect(() => assertTaskSucceeded({ ...base, status: 'succeeded', error: null })).not.toThrow();
  });

  it("throws a failed task's own error message and code", () => {
    const task = {
      ...base,
      status: 'failed' as const,
      error: {
        message: 'The `_geo` field in the document with the id: `"7-0"` contains the following unexpected fields: `{"lon":1}`.',
        code: 'invalid_document_geo_field',
        type: 'invalid_request',
        link: 'https://docs.meilisearch.com/errors#invalid_document_geo_field',
      },
    };
    let caught: unknown;
    try {
      assertTaskSucceeded(task);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MeiliTaskError);
    expect((caught as MeiliTaskError).message).toBe(
      'Meilisearch task 42 (documentAdditionOrUpdate on flightpath_vacancies) failed: The `_geo` field in the document with the id: `"7-0"` contains the following unexpected fields: `{"lon":1}`. (invalid_document_geo_field)',
    );
    expect((caught as MeiliTaskError).task.uid).toBe(42);
  });

  it('throws for a canceled task even without an error', () => {
    expect(() => assertTaskSucceeded({ ...base, type: 'indexSwap', indexUid: null, status: 'canceled', error: null })).toThrow(
      'Meilisearch task 42 (indexSwap) canceled: no error given',
    );
  });
});
