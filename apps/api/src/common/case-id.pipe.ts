import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** Case ids are UUIDs; anything else is bad input rather than an unknown case. */
export const caseIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('id must be a case id (UUID)'),
});
