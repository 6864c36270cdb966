import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Role } from '@klausul/domain';

export const ROLES_KEY = 'klausul:roles';

/** Only actors with one of these roles may call the route (403 FORBIDDEN otherwise). On a class or a method; the method wins. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiForbiddenResponse({ description: `Only for the role(s): ${roles.join(', ')}` }),
  );
