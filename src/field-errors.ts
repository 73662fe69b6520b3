import type { z } from 'zod';
import type { FieldError } from './errors.ts';

// Domain code (the employer vacancy checks) and the HTTP edge both describe bad input this way,
// so the mapping lives beside FieldError rather than in src/http/.

/**
 * zod issues → field errors with dotted JSON paths, optionally under a prefix
 * (`items.3`). Every issue is kept, so a caller learns of all its mistakes
 * at once, each at its own nested path (`salary.min`, not `salary`).
 */
export function toFieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return issuesToFieldErrors(error.issues, prefix);
}

const join = (...parts: string[]) => parts.filter(Boolean).join('.');

function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[], prefix: string): FieldError[] {
  return issues.flatMap((issue) => {
    const path = join(prefix, issue.path.map(String).join('.'));
    // One error per unknown field, each named by its own path.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: join(path, k), message: 'unknown field' }));
    }
    // A union (text or an object) whose value had the type of exactly one alternative: that
    // alternative's own errors, at their nested paths (`salary.min`), say what is wrong.
    if (issue.code === 'invalid_union') {
      const typed = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
      if (typed.length === 1 && typed[0]!.length) return issuesToFieldErrors(typed[0]!, path);
    }
    return [{ path, message: plainMessage(issue) }];
  });
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};
const typeWord = (t: string) => TYPE_WORDS[t] ?? t;

// zod's own wording starts like this; a schema's custom message never does, and is kept as written.
const ZOD_WORDING = /^(?:Invalid|Too (?:small|big)|Unrecognized)/;

/** zod's technical messages ("Too small: expected string to have >=1 characters") in plain words. */
export function plainMessage(issue: z.core.$ZodIssue): string {
  if (!ZOD_WORDING.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      // zod reports a missing required field as "received undefined".
      if (/received undefined$/.test(issue.message)) return 'is required';
      return `must be ${typeWord(issue.expected)}`;
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') {
        if (issue.exact) return `must be exactly ${n} characters`;
        return n <= 1 ? 'must not be empty' : `must be at least ${n} characters`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at least ${n} item${n === 1 ? '' : 's'}`;
      return issue.inclusive === false ? `must be more than ${n}` : `must be at least ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return issue.exact ? `must be exactly ${n} characters` : `must be at most ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${n} item${n === 1 ? '' : 's'}`;
      return issue.inclusive === false ? `must be less than ${n}` : `must be at most ${n}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union': {
      // Each alternative failed at the field itself: say which kinds of value are accepted.
      const kinds = new Set<string>();
      for (const branch of issue.errors) {
        for (const i of branch) if (i.code === 'invalid_type' && i.path.length === 0) kinds.add(typeWord(i.expected));
      }
      return kinds.size ? `must be ${[...kinds].join(' or ')}` : 'does not match any accepted form';
    }
    case 'invalid_format':
      return issue.format === 'regex' ? 'is not in the expected format' : `must be a valid ${issue.format}`;
    default:
      return issue.message;
  }
}
