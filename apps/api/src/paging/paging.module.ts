import { Module } from '@nestjs/common';
import { CaseUpdates } from '../lifecycle/case-updates.service';
import { AcknowledgeController } from './acknowledge.controller';
import { AcknowledgeService } from './acknowledge.service';

@Module({ controllers: [AcknowledgeController], providers: [AcknowledgeService, CaseUpdates] })
export class PagingModule {}
