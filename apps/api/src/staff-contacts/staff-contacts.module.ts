import { Module } from '@nestjs/common';
import { StaffContactsController } from './staff-contacts.controller';
import { StaffContactsService } from './staff-contacts.service';

@Module({ controllers: [StaffContactsController], providers: [StaffContactsService] })
export class StaffContactsModule {}
