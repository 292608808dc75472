import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'officer.amy' }) @IsString() @Length(1, 100) username!: string;
  @ApiProperty() @IsString() @Length(1, 200) password!: string;
}

const CODE = {
  description: 'Six digits from the authenticator app, or one of the recovery codes (XXXX-XXXX-XXXX-XXXX)',
  example: '123456',
};

export class SecondFactorDto {
  @ApiProperty({ description: 'From the login answer `{mfaRequired: true, mfaToken}`' })
  @IsString()
  @Length(1, 2000)
  mfaToken!: string;

  @ApiProperty(CODE) @IsString() @Length(6, 40) code!: string;
}

export class EnrolmentDto {
  @ApiProperty({ description: 'From the login answer `{mfaEnrolmentRequired: true, enrolmentToken}`' })
  @IsString()
  @Length(1, 2000)
  enrolmentToken!: string;
}

export class EnrolmentConfirmDto extends EnrolmentDto {
  @ApiProperty({ description: 'Six digits from the authenticator app, showing it holds the new secret' })
  @IsString()
  @Length(6, 6)
  code!: string;
}

/** Signed in: use as `Authorization: Bearer <accessToken>`. */
export class AccessTokenAnswer {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'seconds' }) expiresIn!: number;
}

/** The password was right; now a code: POST /auth/mfa {mfaToken, code}. */
export class MfaRequiredAnswer {
  @ApiProperty({ enum: [true] }) mfaRequired!: true;
  @ApiProperty({ description: 'Good only for POST /auth/mfa, for a few minutes' }) mfaToken!: string;
  @ApiProperty({ description: 'seconds' }) expiresIn!: number;
}

/** The password was right, but this role needs a second factor and the account has none yet: enrol first. */
export class EnrolmentRequiredAnswer {
  @ApiProperty({ enum: [true] }) mfaEnrolmentRequired!: true;
  @ApiProperty({ description: 'Good only for POST /auth/mfa/enrol and /auth/mfa/enrol/confirm' })
  enrolmentToken!: string;
  @ApiProperty({ description: 'seconds' }) expiresIn!: number;
}

export class EnrolmentStartAnswer {
  @ApiProperty({ description: 'The TOTP secret in base32, to type into an authenticator app' }) secret!: string;
  @ApiProperty({ description: 'otpauth://totp/… URI, to show as a QR code' }) otpauthUri!: string;
}

export class EnrolmentDoneAnswer extends AccessTokenAnswer {
  @ApiProperty({ description: 'Ten single-use recovery codes, shown this once', isArray: true, type: String })
  recoveryCodes!: string[];
}

export type SignInAnswer = AccessTokenAnswer | MfaRequiredAnswer | EnrolmentRequiredAnswer;
