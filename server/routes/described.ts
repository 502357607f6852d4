import { z } from 'zod';

/** What the routes described with createRoute share: the error body, and a JSON response. */

export const errorBody = z.object({ message: z.string(), code: z.string(), details: z.unknown().optional() });

export const jsonResponse = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
