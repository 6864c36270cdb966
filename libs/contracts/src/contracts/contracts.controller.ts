import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { ApiPageOf, type Page } from '@klausul/paging';
import { IdParams } from '../common/id-params.dto';
import { CONTRACT_READERS, UNIT_AND_ADMIN } from '../common/unit-roles';
import { ComplianceService } from './compliance.service';
import { AddPartnerDto, AlertListQuery, AlertView, ComplianceQuery, ComplianceView, ContractListQuery, ContractView } from './contract.dto';
import { ContractsService } from './contracts.service';

/** Contracts: the unit reads all of its municipality's; a supplier HR contact reads its own supplier's only. */
@ApiTags('contracts')
@Controller()
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly compliance: ComplianceService,
  ) {}

  @Get('contracts')
  @Roles(...CONTRACT_READERS)
  @ApiOperation({ summary: 'Contracts, a page at a time, with their compliance today; filter by supplier, tender, phase and status' })
  @ApiPageOf(ContractView)
  list(@CurrentActor() actor: Actor, @Query() query: ContractListQuery): Promise<Page<ContractView>> {
    return this.contracts.list(actor, query);
  }

  @Get('contracts/:id')
  @Roles(...CONTRACT_READERS)
  @ApiOperation({ summary: 'A contract with its lots, clauses, partners and (for the unit) open alerts' })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParams): Promise<ContractView> {
    return this.contracts.get(actor, id);
  }

  @Get('contracts/:id/compliance')
  @Roles(...CONTRACT_READERS)
  @ApiOperation({ summary: 'Fulfilment of each clause on a date: hires and weekly hours counted by the clause counting rules' })
  complianceOf(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Query() query: ComplianceQuery): Promise<ComplianceView> {
    return this.compliance.compliance(actor, id, query.at);
  }

  @Post('contracts/:id/partners')
  @Roles(...UNIT_AND_ADMIN)
  @ApiOperation({ summary: 'Register a partner (RSV or subcontractor) whose placements count toward the contract' })
  addPartner(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @Body() dto: AddPartnerDto): Promise<ContractView> {
    return this.contracts.addPartner(actor, id, dto);
  }

  @Get('alerts')
  @Roles(...UNIT_AND_ADMIN)
  @ApiOperation({ summary: "The unit's open alerts, e.g. a contract with no hire by its first-hire milestone" })
  @ApiPageOf(AlertView)
  alerts(@CurrentActor() actor: Actor, @Query() query: AlertListQuery): Promise<Page<AlertView>> {
    return this.contracts.openAlerts(actor, query);
  }
}
