import type { FC } from 'hono/jsx';
import { Layout } from './layout.tsx';
import { SecretSigninForm } from './secret-signin-form.tsx';

export interface SigninPageProps {
  next: string;
  error?: string | null;
  notice?: string | null;
}

/** Paste-your-token sign-in: the token is the coach's API bearer token (`npm run cli -- coaches create`). */
export const SigninPage: FC<SigninPageProps> = ({ next, error, notice }) => (
  <Layout title="Sign in" coach={null}>
    <h1>Sign in</h1>
    <SecretSigninForm
      action="/signin"
      next={next}
      field="token"
      label="Coach token"
      hint={
        <>
          The token your operator gave you (it starts with <code>fp_coach_</code>). It is printed once by{' '}
          <code>npm run cli -- coaches create</code>, and by <code>npm start</code> for the demo coach.
        </>
      }
      secretWord="token"
      error={error}
      notice={notice}
      errorId="signin-error"
    />
  </Layout>
);
