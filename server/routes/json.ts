import type { Context } from 'hono';
import { ApiError, badRequest } from '../errors';

/** Deeper than any body the API takes (a photo's EXIF sits at level 3); the checks that compare values recurse. */
const maxDepth = 32;
/** A UTF-16 surrogate without its pair: JSON may escape one, but no database can store it as text. */
const loneSurrogate = /\p{Cs}/u;

/** Why a parsed body cannot be taken as it is, or null when it can. Iterative, so any depth is safe. */
function unusable(value: unknown): string | null {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item === 'string') {
      if (loneSurrogate.test(item)) return 'the body holds text that is not valid Unicode (a lone surrogate)';
    } else if (typeof item === 'object' && item !== null) {
      if (depth > maxDepth) return `the body nests deeper than ${maxDepth} levels`;
      for (const [key, child] of Object.entries(item)) {
        if (loneSurrogate.test(key))
          return 'the body holds text that is not valid Unicode (a lone surrogate)';
        pending.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/** The request body as JSON: 415 for another media type, 400 when it does not parse or cannot be used. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'the body must be application/json');
  }
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('the body is not valid JSON');
  }
  const problem = unusable(body);
  if (problem) throw badRequest(problem);
  return body;
}
