import type { Child, FC } from 'hono/jsx';
import { StatusMessages } from './status-messages.tsx';

/**
 * Paste-your-secret sign-in, shared by coaches (their token) and employers
 * (their API key): one password field with its hint, the page's notice or
 * error, and how long the session lasts.
 */
export const SecretSigninForm: FC<{
  action: string;
  next: string;
  /** The field's name and id. */
  field: string;
  label: string;
  hint: Child;
  /** What the secret is called in the session note ("token", "key"). */
  secretWord: string;
  error?: string | null;
  notice?: string | null;
  errorId: string;
}> = ({ action, next, field, label, hint, secretWord, error, notice, errorId }) => (
  <>
    <StatusMessages notice={notice} error={error} errorId={errorId} />
    <form method="post" action={action}>
      <input type="hidden" name="next" value={next} />
      <div class={error ? 'field invalid' : 'field'}>
        <label for={field}>{label}</label>
        <span class="hint" id={`${field}-hint`}>
          {hint}
        </span>
        <input
          type="password"
          id={field}
          name={field}
          autocomplete="off"
          spellcheck={false}
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${field}-hint ${errorId}` : `${field}-hint`}
        />
      </div>
      <button type="submit">Sign in</button>
    </form>
    <p class="muted small">
      You stay signed in on this browser for up to 12 hours, unless you are away for 2 hours, sign out, or the {secretWord} is revoked.
    </p>
  </>
);
