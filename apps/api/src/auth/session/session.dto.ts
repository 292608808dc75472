import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '@sg/workflows/case/case-vocabulary';

export class CreateSessionDto {
  @ApiProperty({ description: 'A staff access token, from POST /auth/login or POST /auth/mfa' })
  @IsString()
  @Length(1, 2000)
  accessToken!: string;
}

/** Who the console is signed in as, and until when unless it is used again (the idle timeout slides). */
export class SessionAnswer {
  @ApiProperty({ example: 'officer.amy' }) username!: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles!: StaffRole[];
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}
