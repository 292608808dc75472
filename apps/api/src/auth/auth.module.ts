import { Global, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { securityConfig } from '@sg/config';
import { AuthController } from './auth.controller';
import { Authenticator } from './authenticator';
import { DemoAccounts } from './demo-accounts';
import { RolesGuard } from './roles.guard';
import { StaffAccounts } from './staff-accounts.service';
import { Tokens } from './tokens';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [securityConfig.KEY],
      useFactory: (security: ConfigType<typeof securityConfig>) => ({
        secret: security.jwtSecret,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
    ThrottlerModule.forRoot({ throttlers: [{ ttl: 60_000, limit: 10 }] }),
  ],
  controllers: [AuthController],
  providers: [StaffAccounts, Tokens, Authenticator, DemoAccounts, { provide: APP_GUARD, useClass: RolesGuard }],
  exports: [Authenticator],
})
export class AuthModule {}
