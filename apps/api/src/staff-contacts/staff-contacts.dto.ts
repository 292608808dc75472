import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUrl, Length, Matches } from 'class-validator';

/** A staff member's routes for pages and alerts. Each one left out is cleared: this is the whole set. */
export class StaffContactsDto {
  @ApiPropertyOptional({ example: 'cat@example.org' })
  @IsOptional()
  @IsString()
  @Length(3, 254)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @ApiPropertyOptional({ example: '+44 7700 900123', description: 'For SMS pages (GOV.UK Notify)' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9][0-9 ()-]{6,25}$/, { message: 'phone must be a phone number, e.g. +44 7700 900123' })
  phone?: string;

  @ApiPropertyOptional({ description: 'A chat tool webhook: pages arrive as signed JSON with a `text` field' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'webhookUrl must be a URL' },
  )
  webhookUrl?: string;
}
