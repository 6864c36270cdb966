import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, ROLES } from '@klausul/domain';
import { AccountService } from './account.service';
import { ChangePasswordRequest } from './auth.dto';
import { CurrentActor, CurrentSessionId } from './current-actor.decorator';
import { Roles } from './roles.decorator';
import { UserResponse } from './user.dto';

@ApiTags('auth')
@Roles(...ROLES) // the operator too: its own account is not a municipality's data
@Controller('me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponse })
  profile(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.account.profile(actor);
  }

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change the password; every other session of the user ends' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'currentPassword is wrong, or newPassword is too short' })
  changePassword(
    @CurrentActor() actor: Actor,
    @CurrentSessionId() sessionId: string | undefined,
    @Body() body: ChangePasswordRequest,
  ): Promise<void> {
    return this.account.changePassword(actor, sessionId, body.currentPassword, body.newPassword);
  }
}
