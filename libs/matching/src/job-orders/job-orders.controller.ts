import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { ApiPageOf, type Page } from '@klausul/paging';
import { CreateJobOrderDto, ForwardJobOrderDto, JobOrderEventDto, JobOrderListQuery, JobOrderView, ReturnJobOrderDto, UpdateJobOrderDto } from './job-order.dto';
import { JobOrderService } from './job-order.service';
import { jobOrderWorkflow } from './job-order.workflow';

const UNIT = ['admin', 'procurement_caseworker', 'employment_caseworker'] as const;

/** Job descriptions (stillingsbeskrivelser): one named route per event of their workflow. */
@ApiTags('job orders')
@Controller()
export class JobOrdersController {
  constructor(private readonly jobOrders: JobOrderService) {}

  @Post('contracts/:contractId/job-orders')
  @Roles('supplier_hr')
  @ApiOperation({ summary: 'Draft a job description for one of your contracts (supplier HR)' })
  create(@CurrentActor() actor: Actor, @Param('contractId') contractId: string, @Body() dto: CreateJobOrderDto): Promise<JobOrderView> {
    return this.jobOrders.create(actor, contractId, dto);
  }

  @Get('job-orders')
  @Roles(...UNIT, 'supplier_hr', 'jobcenter_contact')
  @ApiOperation({
    summary: 'Job descriptions you may see, a page at a time: the unit all, a supplier its own, the jobcenter those forwarded to it; filter by state, contract and supplier',
  })
  @ApiPageOf(JobOrderView)
  list(@CurrentActor() actor: Actor, @Query() query: JobOrderListQuery): Promise<Page<JobOrderView>> {
    return this.jobOrders.list(actor, query);
  }

  @Get('job-orders/:id')
  @Roles(...UNIT, 'supplier_hr', 'jobcenter_contact')
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<JobOrderView> {
    return this.jobOrders.get(actor, id);
  }

  @Patch('job-orders/:id')
  @Roles(...new Set([...jobOrderWorkflow.table.events.edit.roles, ...jobOrderWorkflow.table.events.revise.roles]))
  @ApiOperation({
    summary: 'Edit a draft (event edit), or a job description procurement returned (event revise); a stale expectedVersion is a 409, a submitted one a 422',
  })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateJobOrderDto): Promise<JobOrderView> {
    return this.jobOrders.update(actor, id, dto);
  }

  @Post('job-orders/:id/submit')
  @HttpCode(200)
  @Roles(...jobOrderWorkflow.table.events.submit.roles)
  @ApiOperation({ summary: 'Send the job description to procurement (supplier HR)' })
  submit(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: JobOrderEventDto): Promise<JobOrderView> {
    return this.jobOrders.fire(actor, id, 'submit', dto);
  }

  @Post('job-orders/:id/return')
  @HttpCode(200)
  @Roles(...jobOrderWorkflow.table.events.return.roles)
  @ApiOperation({ summary: 'Send it back to the supplier with a comment (procurement)' })
  returnToSupplier(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReturnJobOrderDto): Promise<JobOrderView> {
    return this.jobOrders.fire(actor, id, 'return', dto);
  }

  @Post('job-orders/:id/forward')
  @HttpCode(200)
  @Roles(...jobOrderWorkflow.table.events.forward.roles)
  @ApiOperation({ summary: "Forward it to the jobcenter's channels (channelIds, or every active one); starts the candidate deadline (procurement)" })
  forward(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ForwardJobOrderDto): Promise<JobOrderView> {
    return this.jobOrders.fire(actor, id, 'forward', dto);
  }

  @Post('job-orders/:id/send-shortlist')
  @HttpCode(200)
  @Roles(...jobOrderWorkflow.table.events.send_shortlist.roles)
  @ApiOperation({ summary: 'Release the shortlist to the supplier (employment caseworker)' })
  sendShortlist(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: JobOrderEventDto): Promise<JobOrderView> {
    return this.jobOrders.fire(actor, id, 'send_shortlist', dto);
  }

  @Post('job-orders/:id/close')
  @HttpCode(200)
  @Roles(...jobOrderWorkflow.table.events.close.roles)
  close(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: JobOrderEventDto): Promise<JobOrderView> {
    return this.jobOrders.fire(actor, id, 'close', dto);
  }

  @Post('job-orders/:id/reopen')
  @HttpCode(200)
  @Roles(...jobOrderWorkflow.table.events.reopen.roles)
  @ApiOperation({ summary: 'Search again, e.g. for a replacement (the unit)' })
  reopen(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: JobOrderEventDto): Promise<JobOrderView> {
    return this.jobOrders.fire(actor, id, 'reopen', dto);
  }

  @Post('job-orders/:id/cancel')
  @HttpCode(200)
  @Roles(...jobOrderWorkflow.table.events.cancel.roles)
  cancel(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: JobOrderEventDto): Promise<JobOrderView> {
    return this.jobOrders.fire(actor, id, 'cancel', dto);
  }

  @Post('job-orders/:id/retry')
  @HttpCode(200)
  @Roles(...UNIT)
  @ApiOperation({ summary: 'Dispatch a job description again after its dispatch failed (while forwarded or shortlist sent; otherwise 422)' })
  retry(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string, @Body() dto: JobOrderEventDto): Promise<JobOrderView> {
    return this.jobOrders.retry(actor, id, dto);
  }
}
