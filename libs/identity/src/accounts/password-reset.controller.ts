import { Body, Controller, HttpCode, HttpException, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../public.decorator';
import { NewPasswordRequest, PasswordResetRequest } from './account-token.dto';
import { PasswordResetService } from './password-reset.service';

export class PasswordResetAcceptedResponse {
  @ApiProperty({ example: 'If the address belongs to an account, a link to choose a new password is on its way' })
  message!: string;
}

@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post()
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Ask for a password reset link by e-mail (valid 1 hour); the answer is the same whether or not the address has an account' })
  @ApiAcceptedResponse({ type: PasswordResetAcceptedResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this client address' })
  async request(
    @Body() body: PasswordResetRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PasswordResetAcceptedResponse> {
    const outcome = await this.resets.request(body.email, request.ip);
    if (!outcome.accepted) {
      response.setHeader('Retry-After', outcome.retryAfterSeconds);
      throw new HttpException(
        {
          code: 'TOO_MANY_REQUESTS',
          message: `Too many password reset requests; try again in ${outcome.retryAfterSeconds} seconds`,
          details: { retryAfterSeconds: outcome.retryAfterSeconds },
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    return { message: 'If the address belongs to an account, a link to choose a new password is on its way' };
  }

  @Post(':token')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Choose a new password with the link from the e-mail; every session of the user ends' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'Not a valid link' })
  @ApiGoneResponse({ description: 'RESET_LINK_EXPIRED, RESET_LINK_USED or RESET_LINK_REPLACED' })
  reset(@Param('token') token: string, @Body() body: NewPasswordRequest): Promise<void> {
    return this.resets.reset(token, body.password);
  }
}
