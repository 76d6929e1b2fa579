/** Feeds larger than this are refused while downloading. */
export const MAX_FEED_BYTES = 10 * 1024 * 1024;
export const FEED_TIMEOUT_MS = 15_000;

/** Fetches a feed URL named in a brief (the only network access besides SMTP). Throws with a short reason. */
export async function fetchFeed(url: string, timeoutMs = FEED_TIMEOUT_MS): Promise<Uint8Array> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'follow',
    headers: { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8', 'user-agent': 'Briefwright (feed reader)' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_FEED_BYTES) throw new Error(`feed is ${declared} bytes, over the ${MAX_FEED_BYTES}-byte limit`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > MAX_FEED_BYTES) throw new Error(`feed is over the ${MAX_FEED_BYTES}-byte limit`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A fetch error's reason in a few words ("ECONNREFUSED", "timed out", "HTTP 404"). */
export function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'timed out';
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
