import type { FC } from 'hono/jsx';
import { Layout } from './layout.tsx';

export interface SigninPageProps {
  next: string;
  error?: string | null;
  notice?: string | null;
}

/** Paste-your-token sign-in: the token is the coach's API bearer token (`npm run cli -- coaches create`). */
export const SigninPage: FC<SigninPageProps> = ({ next, error, notice }) => (
  <Layout title="Sign in" coach={null}>
    <h1>Sign in</h1>
    {notice ? (
      <p class="notice" role="status">
        {notice}
      </p>
    ) : null}
    {error ? (
      <div class="errors" role="alert" id="signin-error">
        <p>{error}</p>
      </div>
    ) : null}
    <form method="post" action="/signin">
      <input type="hidden" name="next" value={next} />
      <div class={error ? 'field invalid' : 'field'}>
        <label for="token">Coach token</label>
        <span class="hint" id="token-hint">
          The token your operator gave you (it starts with <code>fp_coach_</code>). It is printed once by{' '}
          <code>npm run cli -- coaches create</code>, and by <code>npm start</code> for the demo coach.
        </span>
        <input
          type="password"
          id="token"
          name="token"
          autocomplete="off"
          spellcheck={false}
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'token-hint signin-error' : 'token-hint'}
        />
      </div>
      <button type="submit">Sign in</button>
    </form>
    <p class="muted small">
      You stay signed in on this browser for up to 12 hours, unless you are away for 2 hours, sign out, or the token is revoked.
    </p>
  </Layout>
);
