import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiBearerAuth,
  ApiTags,
} from '@nestjs/swagger';
import {
  completeCheckInUpdate,
  recordFeedbackUpdate,
  recordInvolvementUpdate,
  recordReferralUpdate,
  releaseNotificationUpdate,
  submitAssessmentUpdate,
  submitReviewUpdate,
} from '@sg/workflows/case/case.messages';
import type { Actor, ReviewInput } from '@sg/workflows/case/case.types';
import { DEFERRAL_REVIEW_ROLES, OFFICER_ROLES, REVIEWER_ROLES } from '@sg/workflows/case/case-vocabulary';
import { ActingUser } from '../auth/acting-user';
import { Roles } from '../auth/roles.guard';
import { caseIdPipe } from '../common/case-id.pipe';
import { CasesService } from '../cases/cases.service';
import { ReferralRoutePipe } from '../routes/referral-route.pipe';
import { CaseUpdates } from './case-updates.service';
import {
  AssessmentDto,
  CheckInDto,
  FeedbackDto,
  InvolvementDto,
  NotificationReleaseDto,
  ReferralDto,
  ReviewDto,
} from './lifecycle.dto';

/**
 * The steps of SPEC §3, each sent to the case's workflow; each answers with the case as it now stands (a recorded
 * read).
 */
@ApiTags('lifecycle')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Invalid input; nothing recorded' })
@ApiForbiddenResponse({ description: 'Wrong role, or the reviewer is the assessor (four eyes)' })
@ApiConflictResponse({ description: "Not the case's current step" })
@Controller('cases/:id')
export class LifecycleController {
  constructor(
    private readonly updates: CaseUpdates,
    private readonly cases: CasesService,
  ) {}

  @Post('assessment')
  @HttpCode(200)
  @Roles(...OFFICER_ROLES)
  async assess(@Param('id', caseIdPipe) id: string, @ActingUser() actor: Actor, @Body() body: AssessmentDto) {
    return { recommendation: await this.updates.send(id, submitAssessmentUpdate, actor, body) };
  }

  @Post('review')
  @HttpCode(200)
  @Roles(...REVIEWER_ROLES)
  async review(@Param('id', caseIdPipe) id: string, @ActingUser() actor: Actor, @Body() body: ReviewDto) {
    await this.updates.send(id, submitReviewUpdate, actor, body as ReviewInput);
    return this.cases.view(id, actor.username);
  }

  @Post('involvement')
  @HttpCode(200)
  @Roles(...OFFICER_ROLES)
  async involvement(@Param('id', caseIdPipe) id: string, @ActingUser() actor: Actor, @Body() body: InvolvementDto) {
    await this.updates.send(id, recordInvolvementUpdate, actor, body);
    return this.cases.view(id, actor.username);
  }

  @Post('referrals')
  @Roles(...OFFICER_ROLES)
  async referral(
    @Param('id', caseIdPipe) id: string,
    @ActingUser() actor: Actor,
    @Body(ReferralRoutePipe) body: ReferralDto,
  ) {
    await this.updates.send(id, recordReferralUpdate, actor, body);
    return this.cases.view(id, actor.username);
  }

  @Post('check-in')
  @HttpCode(200)
  @Roles(...OFFICER_ROLES)
  async checkIn(@Param('id', caseIdPipe) id: string, @ActingUser() actor: Actor, @Body() body: CheckInDto) {
    await this.updates.send(id, completeCheckInUpdate, actor, body);
    return this.cases.view(id, actor.username);
  }

  @Post('feedback')
  @HttpCode(200)
  @Roles(...OFFICER_ROLES)
  async feedback(@Param('id', caseIdPipe) id: string, @ActingUser() actor: Actor, @Body() body: FeedbackDto) {
    await this.updates.send(id, recordFeedbackUpdate, actor, body);
    return this.cases.view(id, actor.username);
  }

  /** A deferred notification, at or after its re-review time: release it to the young person, or defer again. */
  @Post('notification-release')
  @HttpCode(200)
  @Roles(...DEFERRAL_REVIEW_ROLES)
  async releaseNotification(
    @Param('id', caseIdPipe) id: string,
    @ActingUser() actor: Actor,
    @Body() body: NotificationReleaseDto,
  ) {
    await this.updates.send(id, releaseNotificationUpdate, actor, body);
    return this.cases.view(id, actor.username);
  }
}
