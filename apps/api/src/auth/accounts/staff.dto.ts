import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, StaffRole } from '@sg/workflows/case/case.types';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, Length, Matches } from 'class-validator';

const rolesProperty = () =>
  ApiProperty({
    enum: STAFF_ROLES,
    isArray: true,
    description: 'admin holds no other role: separation of duties (400 STAFF.ROLES_CONFLICT)',
  });

export class CreateStaffDto {
  @ApiProperty({ example: 'lead.sam' })
  @IsString()
  @Matches(/^[a-z0-9._-]{3,100}$/, { message: 'username must be 3-100 characters: a-z, 0-9, dot, underscore, hyphen' })
  username!: string;

  @rolesProperty()
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

export class SetRolesDto {
  @rolesProperty()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(STAFF_ROLES.length)
  @IsIn(STAFF_ROLES, { each: true })
  roles!: StaffRole[];
}

export class StaffAccountView {
  @ApiProperty() username!: string;
  @ApiProperty({ enum: STAFF_ROLES, isArray: true }) roles!: StaffRole[];
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ description: 'whether two-factor sign-in is set up (the secret itself is never shown)' })
  mfaEnrolled!: boolean;
  @ApiProperty() createdAt!: string;
}
