import { UnauthorizedException } from '@nestjs/common';

/** 401 in the API's error shape (`code: 'UNAUTHENTICATED'`). */
export function unauthenticated(message: string): UnauthorizedException {
  return new UnauthorizedException({ code: 'UNAUTHENTICATED', message });
}
