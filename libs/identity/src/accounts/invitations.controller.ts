import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import type { Actor } from '@klausul/domain';
import { ApiPageOf, type Page, PageQuery } from '@klausul/paging';
import { LoginResponse } from '../auth.dto';
import { CurrentActor } from '../current-actor.decorator';
import { SESSION_COOKIE } from '../identity.constants';
import { Public } from '../public.decorator';
import { Roles } from '../roles.decorator';
import { sessionCookieOptions } from '../session-cookie';
import { AcceptInvitationRequest, InvitationPreviewResponse, InvitationResponse, InviteRequest } from './account-token.dto';
import { InvitationService } from './invitation.service';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles('admin', 'procurement_caseworker')
  @ApiOperation({ summary: 'Invite a person by e-mail (single-use link, 72 hours); a procurement caseworker may invite supplier_hr only' })
  @ApiCreatedResponse({ type: InvitationResponse })
  @ApiConflictResponse({ description: 'A user with this e-mail address already exists' })
  invite(@CurrentActor() actor: Actor, @Body() body: InviteRequest): Promise<InvitationResponse> {
    return this.invitations.invite(actor, body);
  }

  @Get()
  @Roles('admin', 'procurement_caseworker')
  @ApiOperation({ summary: "The municipality's invitations, newest first (a procurement caseworker sees the supplier HR ones)" })
  @ApiPageOf(InvitationResponse)
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<InvitationResponse>> {
    return this.invitations.list(actor, query);
  }

  @Get(':token')
  @Public()
  @ApiOperation({ summary: 'What an invitation link is for (no login): the address, role and municipality' })
  @ApiOkResponse({ type: InvitationPreviewResponse })
  @ApiNotFoundResponse({ description: 'Not a valid link' })
  @ApiGoneResponse({ description: 'INVITATION_EXPIRED, INVITATION_USED or INVITATION_REPLACED' })
  preview(@Param('token') token: string): Promise<InvitationPreviewResponse> {
    return this.invitations.preview(token);
  }

  @Post(':token')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept an invitation: choose the password; creates the account and signs in (session cookie and token)' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiNotFoundResponse({ description: 'Not a valid link' })
  @ApiGoneResponse({ description: 'INVITATION_EXPIRED, INVITATION_USED or INVITATION_REPLACED' })
  @ApiConflictResponse({ description: 'An account with this e-mail address was created meanwhile' })
  async accept(
    @Param('token') token: string,
    @Body() body: AcceptInvitationRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const signedIn = await this.invitations.accept(token, body.password, body.displayName);
    response.cookie(SESSION_COOKIE, signedIn.token, sessionCookieOptions(this.config, signedIn.expiresAt));
    return { token: signedIn.token, expiresAt: signedIn.expiresAt.toISOString(), user: signedIn.user };
  }
}
