import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { ROLES } from '@klausul/domain';
import { LoginRequest, LoginResponse } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentSessionId } from './current-actor.decorator';
import { SESSION_COOKIE } from './identity.constants';
import { LoginRateLimitGuard } from './login-rate-limit.guard';
import { Public } from './public.decorator';
import { Roles } from './roles.decorator';
import { sessionCookieOptions } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(LoginRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in; sets the httpOnly session cookie and returns the token for bearer use' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail address or password (one message for both)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this e-mail address from this client address' })
  async login(@Body() body: LoginRequest, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    const signedIn = await this.auth.login(body.email, body.password);
    response.cookie(SESSION_COOKIE, signedIn.token, sessionCookieOptions(this.config, signedIn.expiresAt));
    return { token: signedIn.token, expiresAt: signedIn.expiresAt.toISOString(), user: signedIn.user };
  }

  @Post('logout')
  @Roles(...ROLES)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out: ends the current session and clears the cookie' })
  @ApiNoContentResponse()
  async logout(
    @CurrentSessionId() sessionId: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(sessionId);
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config));
  }
}
