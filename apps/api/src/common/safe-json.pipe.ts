import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { badRequest, FieldError } from './field-errors';

/** Deeper than any request this API takes; a limit keeps every later recursive step safe. */
const MAX_DEPTH = 12;
/**
 * `__proto__`, `constructor`, `prototype`, `toString`…: never field names here, and class-validator's whitelist misses
 * some.
 */
const PROTOTYPE_MEMBERS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * Refuses, before validation, input no field of this API can take: nesting deeper than MAX_DEPTH, keys named
 * after Object.prototype members, NUL characters (PostgreSQL cannot store them) and unpaired surrogates (not
 * text: PostgreSQL's jsonb refuses them and UTF-8 would silently replace them). Iterative, so no input can
 * exhaust the stack.
 */
@Injectable()
export class SafeJsonPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const errors = problemsIn(value, metadata.type === 'body' ? '' : (metadata.data ?? metadata.type));
    if (errors.length) throw badRequest(errors);
    return value;
  }
}

function problemsIn(root: unknown, rootPath: string): FieldError[] {
  const errors: FieldError[] = [];
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
  while (pending.length && errors.length < 20) {
    const { value, path, depth } = pending.pop()!;
    const field = path || 'body';
    if (typeof value === 'string') {
      if (value.includes('\u0000')) errors.push({ field, message: `${field} must not contain NUL characters` });
      else if (!value.isWellFormed())
        errors.push({ field, message: `${field} must be valid Unicode text (it has an unpaired surrogate)` });
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_DEPTH) {
        errors.push({ field, message: `${field} is nested too deeply` });
        continue;
      }
      for (const key of Object.keys(value)) {
        const child = path ? `${path}.${key}` : key;
        if (PROTOTYPE_MEMBERS.has(key)) errors.push({ field: child, message: `property ${key} should not exist` });
        else if (!key.isWellFormed() || key.includes('\u0000'))
          errors.push({ field: path || 'body', message: 'field names must be valid Unicode text' });
        else pending.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1 });
      }
    }
  }
  return errors;
}
