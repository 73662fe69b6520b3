import type { FC } from 'hono/jsx';
import { Layout } from './layout.tsx';
import { SecretSigninForm } from './secret-signin-form.tsx';

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
    <SecretSigninForm
      action="/employer/signin"
      next={next}
      field="key"
      label="Employer API key"
      hint={
        <>
          The key you were given for your organisation (it starts with <code>fp_emp_</code>). The same key works for the vacancies API.
        </>
      }
      secretWord="key"
      error={error}
      notice={notice}
      errorId="key-error"
    />
  </Layout>
);
