import { z } from 'zod';
import { END_REASONS, isEnding, STAGES } from './stages.ts';

/** POST /v1/participants/{id}/shortlist and the "Shortlist" button's form. */
export const ShortlistAddSchema = z.strictObject({
  vacancyId: z.coerce.number().int().positive(),
  note: z.string().trim().max(2000).optional(),
});
export type ShortlistAdd = z.output<typeof ShortlistAddSchema>;

/**
 * PATCH …/shortlist/{itemId} and the stage form: a new stage, a note, or
 * both. Declined and withdrawn need a reason; `other` needs the free text.
 */
export const ShortlistChangeSchema = z
  .strictObject({
    stage: z.enum(STAGES).optional(),
    reason: z.enum(END_REASONS).optional(),
    reasonText: z.string().trim().max(500).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.stage === undefined && v.note === undefined) ctx.addIssue({ code: 'custom', path: ['stage'], message: 'give a stage or a note to change' });
    if (v.stage && isEnding(v.stage) && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: `is required when the stage is ${v.stage}` });
    if (v.reason && !(v.stage && isEnding(v.stage))) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'only goes with the stage declined or withdrawn' });
    if (v.reason === 'other' && !v.reasonText) ctx.addIssue({ code: 'custom', path: ['reasonText'], message: 'say what the reason was' });
  });
export type ShortlistChange = z.output<typeof ShortlistChangeSchema>;

/** POST …/shortlist/shares: how long the link works (default 14 days). */
export const ShareCreateSchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(90).default(14),
});
