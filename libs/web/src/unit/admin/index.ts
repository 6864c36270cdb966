import type { Type } from '@nestjs/common';
import { InvitationsPagesController } from './invitations.controller';

/** Administration: users, invitations, API keys, channels, settings, the message log and the audit trail (unit/admin, unit/invitations, unit/messages). */
export const UNIT_ADMIN_CONTROLLERS: Type[] = [InvitationsPagesController];
