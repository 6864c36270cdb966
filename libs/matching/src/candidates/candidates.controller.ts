import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { ApiPageOf, type Page } from '@klausul/paging';
import { CandidateEventDto, CandidateListQuery, DeclineCandidateDto, HireDto, InterviewDto, ProposeCandidateDto, RejectDto } from './candidate.dto';
import { CandidateService } from './candidate.service';
import { CandidateView } from './candidate.view';
import { candidateWorkflow } from './candidate.workflow';

const READERS = candidateWorkflow.readRoles;
const rolesOf = (event: keyof typeof candidateWorkflow.table.events) => candidateWorkflow.table.events[event].roles;

/** Candidates (kandidater) on job orders: proposed by the jobcenter, shortlisted by the unit, hired by the supplier. */
@ApiTags('candidates')
@Controller()
export class CandidatesController {
  constructor(private readonly candidates: CandidateService) {}

  @Post('job-orders/:jobOrderId/candidates')
  @Roles('jobcenter_contact', 'employment_caseworker', 'admin')
  @ApiOperation({ summary: 'Propose a candidate with CV (PDF, DOCX or ODT by content; no CPR number anywhere)' })
  propose(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @Body() dto: ProposeCandidateDto): Promise<CandidateView> {
    return this.candidates.propose(actor, jobOrderId, dto);
  }

  @Get('job-orders/:jobOrderId/candidates')
  @Roles(...READERS)
  @ApiOperation({ summary: "A job order's candidates, a page at a time; filter by state (a supplier sees only its shortlisted ones, without target group)" })
  @ApiPageOf(CandidateView)
  list(@CurrentActor() actor: Actor, @Param('jobOrderId') jobOrderId: string, @Query() query: CandidateListQuery): Promise<Page<CandidateView>> {
    return this.candidates.list(actor, jobOrderId, query);
  }

  @Get('candidates/:id')
  @Roles(...READERS)
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CandidateView> {
    return this.candidates.get(actor, id);
  }

  @Get('candidates/:id/cv')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Download the CV (written to the access log)' })
  async cv(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<StreamableFile> {
    const file = await this.candidates.cv(actor, id);
    return new StreamableFile(file.content, {
      type: file.mediaType,
      disposition: `attachment; filename="${file.originalName.replace(/["\\]/g, '_')}"`,
      length: file.size,
    });
  }

  @Post('candidates/:id/shortlist')
  @HttpCode(200)
  @Roles(...rolesOf('shortlist'))
  shortlist(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CandidateEventDto): Promise<CandidateView> {
    return this.candidates.fire(actor, id, 'shortlist', { ...dto });
  }

  @Post('candidates/:id/decline')
  @HttpCode(200)
  @Roles(...rolesOf('decline'))
  decline(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: DeclineCandidateDto): Promise<CandidateView> {
    return this.candidates.fire(actor, id, 'decline', { ...dto });
  }

  @Post('candidates/:id/interview')
  @HttpCode(200)
  @Roles(...rolesOf('interview'))
  interview(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: InterviewDto): Promise<CandidateView> {
    return this.candidates.fire(actor, id, 'interview', { ...dto });
  }

  @Post('candidates/:id/hire')
  @HttpCode(200)
  @Roles(...rolesOf('hire'))
  @ApiOperation({ summary: 'Hire: creates the placement that counts toward the clause' })
  hire(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: HireDto): Promise<CandidateView> {
    return this.candidates.fire(actor, id, 'hire', { ...dto });
  }

  @Post('candidates/:id/reject')
  @HttpCode(200)
  @Roles(...rolesOf('reject'))
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RejectDto): Promise<CandidateView> {
    return this.candidates.fire(actor, id, 'reject', { ...dto });
  }

  @Post('candidates/:id/withdraw')
  @HttpCode(200)
  @Roles(...rolesOf('withdraw'))
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CandidateEventDto): Promise<CandidateView> {
    return this.candidates.fire(actor, id, 'withdraw', { ...dto });
  }
}
