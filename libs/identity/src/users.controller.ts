import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@klausul/domain';
import { ApiPageOf, type Page } from '@klausul/paging';
import { CurrentActor } from './current-actor.decorator';
import { Roles } from './roles.decorator';
import { CreateUserRequest, UpdateUserRequest, UserListQuery, UserResponse } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: "The users of the admin's municipality" })
  @ApiPageOf(UserResponse)
  list(@CurrentActor() actor: Actor, @Query() query: UserListQuery): Promise<Page<UserResponse>> {
    return this.users.list(actor, query);
  }

  @Post()
  @ApiOperation({ summary: "Create a user in the admin's municipality" })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiConflictResponse({ description: 'The e-mail address is taken' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserRequest): Promise<UserResponse> {
    return this.users.create(actor, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse()
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the display name, role or supplier, or (de)activate; deactivating ends all sessions' })
  @ApiOkResponse({ type: UserResponse })
  @ApiNotFoundResponse()
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserRequest,
  ): Promise<UserResponse> {
    return this.users.update(actor, id, body);
  }
}
