import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, Length, Matches } from 'class-validator';
import { STAFF_ROLES, StaffRole } from '@sg/workflows/case/case.types';

export class LoginDto {
  @ApiProperty({ example: 'officer.amy' }) @IsString() @Length(1, 100) username!: string;
  @ApiProperty() @IsString() @Length(1, 200) password!: string;
}

export class CreateStaffDto {
  @ApiProperty({ example: 'lead.sam' })
  @IsString()
  @Matches(/^[a-z0-9._-]{3,100}$/, { message: 'username must be 3-100 characters: a-z, 0-9, dot, underscore, hyphen' })
  username!: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(STAFF_ROLES.length)
  @IsIn(STAFF_ROLES, { each: true })
  roles!: StaffRole[];

  @ApiProperty({ minLength: 12 })
  @IsString()
  @Length(12, 200, { message: 'password must be 12 to 200 characters' })
  password!: string;
}

export class UpdateStaffDto {
  @ApiProperty() @IsBoolean() disabled!: boolean;
}

export class SubjectTokenDto {
  @ApiProperty({ description: "The platform's pseudonymous id for the young person" })
  @IsString()
  @Length(1, 200)
  externalUserId!: string;
}
