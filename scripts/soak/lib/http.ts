/**
 * Small HTTP helpers for the soak clients. Every URL is checked to be on
 * 127.0.0.1 before anything is sent: the soak never talks to anything else.
 */

export function assertLoopback(url: string): void {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') throw new Error(`soak traffic is loopback-only; refusing ${u.origin}`);
}

export async function postJson(url: string, body: unknown, headers: Record<string, string>, signal?: AbortSignal): Promise<{ status: number; json: unknown; contentType: string }> {
  assertLoopback(url);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: signal ?? AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, contentType: res.headers.get('content-type') ?? '' };
}

/**
 * Signs in to the coach pages the way a browser does (the sign-in form) and
 * returns the Cookie header to send, so the soak keeps working however the
 * session cookie is made.
 */
export async function signInCookie(baseUrl: string, token: string): Promise<string> {
  assertLoopback(baseUrl);
  const res = await fetch(`${baseUrl}/signin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl },
    body: new URLSearchParams({ token, next: '/' }).toString(),
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  await res.arrayBuffer();
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!).filter(Boolean);
  if (res.status >= 400 || !cookies.length) throw new Error(`sign-in failed: HTTP ${res.status}`);
  return cookies.join('; ');
}
