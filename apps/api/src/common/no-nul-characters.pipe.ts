import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { badRequest, FieldError } from './field-errors';

/** PostgreSQL text cannot hold U+0000, so such input is refused at the edge instead of failing at insert. */
@Injectable()
export class NoNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const found: FieldError[] = [];
    findNul(value, metadata.data ?? metadata.type, found);
    if (found.length) throw badRequest(found);
    return value;
  }
}

function findNul(value: unknown, path: string, found: FieldError[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push({ field: path, message: `${path} must not contain NUL characters` });
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) findNul(child, path === 'body' ? key : `${path}.${key}`, found);
  }
}
