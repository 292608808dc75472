/** Enough to fix a request; a caller never needs more, and a large bad body must not make a larger answer. */
export const ERROR_BODY_LIMITS = { errors: 20, messageChars: 300, fieldChars: 200 } as const;

interface FieldProblem {
  field?: unknown;
  message?: unknown;
}

/**
 * Bounds an error body: at most ERROR_BODY_LIMITS.errors field problems (with the number left out), each text cut
 * to a fixed length. A 98 KB list of unknown indicators once made a 23.6 MB answer: one message per entry, each
 * quoting the entry and every allowed code.
 */
export function boundErrorBody<T extends { message: string; errors?: unknown[] }>(body: T): T {
  const { errors, message } = body;
  const bounded: T = { ...body, message: cut(message, ERROR_BODY_LIMITS.messageChars * 2) };
  if (!errors) return bounded;
  return {
    ...bounded,
    errors: errors.slice(0, ERROR_BODY_LIMITS.errors).map((e) => boundProblem(e as FieldProblem)),
    ...(errors.length > ERROR_BODY_LIMITS.errors ? { errorsOmitted: errors.length - ERROR_BODY_LIMITS.errors } : {}),
  };
}

function boundProblem({ field, message }: FieldProblem): FieldProblem {
  return {
    field: cut(String(field ?? ''), ERROR_BODY_LIMITS.fieldChars),
    message: cut(String(message ?? ''), ERROR_BODY_LIMITS.messageChars),
  };
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
