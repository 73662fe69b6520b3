import type { FC } from 'hono/jsx';
import { Layout } from './layout.tsx';

export interface EmployerSigninPageProps {
  next: string;
  error?: string | null;
  notice?: string | null;
}

/** Paste-your-key sign-in for employers without an ATS: the key is the employer API key (`npm run cli -- keys create`). */
export const EmployerSigninPage: FC<EmployerSigninPageProps> = ({ next, error, notice }) => (
  <Layout title="Employer sign in" coach={null} brandHref="/employer">
    <h1>Sign in to post vacancies</h1>
    <p class="lead">For employers: post and close your vacancies here, without an applicant tracking system.</p>
    {notice ? (
      <p class="notice" role="status">
        {notice}
      </p>
    ) : null}
    {error ? (
      <div class="errors" role="alert" id="key-error">
        <p>{error}</p>
      </div>
    ) : null}
    <form method="post" action="/employer/signin">
      <input type="hidden" name="next" value={next} />
      <div class={error ? 'field invalid' : 'field'}>
        <label for="key">Employer API key</label>
        <span class="hint" id="key-hint">
          The key you were given for your organisation (it starts with <code>fp_emp_</code>). The same key works for the vacancies API.
        </span>
        <input
          type="password"
          id="key"
          name="key"
          autocomplete="off"
          spellcheck={false}
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'key-hint key-error' : 'key-hint'}
        />
      </div>
      <button type="submit">Sign in</button>
    </form>
    <p class="muted small">
      You stay signed in on this browser for up to 12 hours, unless you are away for 2 hours, sign out, or the key is revoked.
    </p>
  </Layout>
);
