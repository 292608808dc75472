import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { securityConfig } from '@sg/config';
import { DemoAccounts } from './accounts/demo-accounts';
import { SecondFactorPolicy } from './accounts/second-factor-policy';
import { StaffAccountReader } from './accounts/staff-account';
import { StaffAdmin } from './accounts/staff-admin.service';
import { StaffController } from './accounts/staff.controller';
import { authConfig } from './auth.config';
import { Authenticator } from './authenticator';
import { Enrolment } from './mfa/enrolment.service';
import { SecondFactor } from './mfa/second-factor';
import { SecondFactorStore } from './mfa/second-factor.store';
import { PasswordChange } from './password/password-change.service';
import { PasswordHasher } from './password/password-hasher';
import { PasswordController } from './password/password.controller';
import { RolesGuard } from './roles.guard';
import { SignInController } from './sign-in/sign-in.controller';
import { SignIn } from './sign-in/sign-in.service';
import { StaffAuditChain } from './staff-audit/staff-audit-chain';
import { StaffAuditController } from './staff-audit/staff-audit.controller';
import { StaffAuditReader } from './staff-audit/staff-audit.service';
import { ConsoleSessions } from './session/console-sessions.service';
import { SessionController } from './session/session.controller';
import { SessionStore } from './session/session.store';
import { SubjectTokenController } from './subject-token.controller';
import { LoginThrottle } from './throttle/login-throttle';
import { Tokens } from './tokens';

/** Who is calling (every request), staff sign-in, staff accounts and their audit chain: docs/accounts.md. */
@Global()
@Module({
  imports: [
    ConfigModule.forFeature(authConfig),
    JwtModule.registerAsync({
      inject: [securityConfig.KEY],
      useFactory: (security: ConfigType<typeof securityConfig>) => ({
        // A key object, not the string: given a string, jsonwebtoken first tries to parse it as a PEM public key
        // and only then as a secret, which cost about 1 ms of CPU for every token signed or verified.
        secret: createSecretKey(Buffer.from(security.jwtSecret)),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  // StaffAuditController first, so /staff/audit stays the audit chain's whatever /staff/:username routes are added.
  controllers: [
    StaffAuditController,
    StaffController,
    SignInController,
    PasswordController,
    SubjectTokenController,
    SessionController,
  ],
  providers: [
    Authenticator,
    Tokens,
    StaffAccountReader,
    SecondFactorPolicy,
    StaffAdmin,
    DemoAccounts,
    StaffAuditChain,
    StaffAuditReader,
    PasswordHasher,
    PasswordChange,
    LoginThrottle,
    SignIn,
    SecondFactor,
    SecondFactorStore,
    Enrolment,
    SessionStore,
    ConsoleSessions,
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [Authenticator, SessionStore],
})
export class AuthModule {}
