import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { CandidatePrivacyService } from './candidate-privacy.service';

/** The citizen's rights: what Klausul holds about a candidate, and erasure on request. */
@ApiTags('candidates')
@Roles('employment_caseworker', 'admin')
@Controller('candidates')
export class CandidatePrivacyController {
  constructor(private readonly privacy: CandidatePrivacyService) {}

  @Get(':id/export')
  @ApiOperation({ summary: 'Everything held about the person (JSON, CV included) and who read it (subject access)' })
  export(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<Record<string, unknown>> {
    return this.privacy.export(actor, id);
  }

  @Post(':id/erasure')
  @HttpCode(204)
  @ApiOperation({ summary: 'Erase the CV and personal fields now; an anonymous placeholder keeps every statistic correct' })
  erase(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    return this.privacy.erase(actor, id);
  }
}
