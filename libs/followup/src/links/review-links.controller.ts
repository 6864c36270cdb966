import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@klausul/identity';
import { ReviewConfirmationDto, type ReviewView } from '../reviews/review.dto';
import { ReviewConfirmationService } from '../reviews/review-confirmation.service';

/** The supplier's e-mailed link: no login, one review, until it expires or the unit concludes the review (then 410). */
@ApiTags('reviews')
@Controller('review-links')
export class ReviewLinksController {
  constructor(private readonly confirmations: ReviewConfirmationService) {}

  @Get(':token')
  @Public()
  @ApiOperation({ summary: 'The review a link grants, with its placements pre-filled from last month' })
  get(@Param('token') token: string): Promise<ReviewView> {
    return this.confirmations.viewByLink(token);
  }

  @Post(':token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the review the link grants' })
  confirm(@Param('token') token: string, @Body() dto: ReviewConfirmationDto): Promise<ReviewView> {
    return this.confirmations.confirmByLink(token, dto);
  }

  @Post(':token/correction')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Correct the confirmation the link granted (the whole form again), until the municipality concludes the review' })
  correct(@Param('token') token: string, @Body() dto: ReviewConfirmationDto): Promise<ReviewView> {
    return this.confirmations.correctByLink(token, dto);
  }
}
