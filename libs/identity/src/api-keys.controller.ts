import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { ApiPageOf, type Page, PageQuery } from '@klausul/paging';
import { ApiKeyResponse, CreateApiKeyRequest, CreatedApiKeyResponse } from './api-key.dto';
import { ApiKeysService } from './api-keys.service';
import { CurrentActor } from './current-actor.decorator';
import { Roles } from './roles.decorator';

@ApiTags('api-keys')
@Roles('admin')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key for an integration; the key is shown in this response only' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateApiKeyRequest): Promise<CreatedApiKeyResponse> {
    return this.apiKeys.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: "The municipality's API keys (never the keys themselves)" })
  @ApiPageOf(ApiKeyResponse)
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<ApiKeyResponse>> {
    return this.apiKeys.list(actor, query);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke an API key' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.apiKeys.revoke(actor, id);
  }
}
