import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { CurrentActor, Roles } from '@klausul/identity';
import { ApiPageOf, type Page } from '@klausul/paging';
import { IdParams } from '../common/id-params.dto';
import { CONTRACT_READERS, UNIT_AND_ADMIN } from '../common/unit-roles';
import { CreateSupplierDto, SupplierListQuery, SupplierView } from './supplier.dto';
import { SuppliersService } from './suppliers.service';

@ApiTags('suppliers')
@Controller('suppliers')
export class SuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Post()
  @Roles(...UNIT_AND_ADMIN)
  @ApiOperation({ summary: 'Register a supplier (CVR number checked); its HR contacts are users with role supplier_hr' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSupplierDto): Promise<SupplierView> {
    return this.suppliers.create(actor, dto);
  }

  @Get()
  @Roles(...UNIT_AND_ADMIN)
  @ApiPageOf(SupplierView)
  list(@CurrentActor() actor: Actor, @Query() query: SupplierListQuery): Promise<Page<SupplierView>> {
    return this.suppliers.list(actor, query);
  }

  @Get(':id')
  @Roles(...CONTRACT_READERS)
  @ApiOperation({ summary: 'One supplier; a supplier HR contact may read only its own' })
  get(@CurrentActor() actor: Actor, @Param() params: IdParams): Promise<SupplierView> {
    return this.suppliers.get(actor, params.id);
  }
}
