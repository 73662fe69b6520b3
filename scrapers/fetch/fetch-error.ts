export type FetchErrorKind = 'network' | 'timeout' | 'http' | 'too-large' | 'content-type' | 'redirect';

/** Why a page could not be fetched, after any retries. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly kind: FetchErrorKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}
