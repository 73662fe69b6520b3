import { Meilisearch } from 'meilisearch';

/**
 * Deletes every index whose uid starts with `prefix` and waits for it: the
 * clean-up of the throw-away indexes that the contract tests, the engines
 * eval and the search benchmark create next to a live one.
 */
export async function dropIndexesWithPrefix(host: string, apiKey: string | undefined, prefix: string, timeoutMs = 60_000): Promise<void> {
  const client = new Meilisearch({ host, apiKey });
  const { results } = await client.getRawIndexes({ limit: 1000 });
  for (const index of results) {
    if (index.uid.startsWith(prefix)) await client.deleteIndex(index.uid).waitTask({ timeout: timeoutMs });
  }
}
