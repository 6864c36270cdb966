import type { Type } from '@nestjs/common';
import { MessagesPagesController } from '../messages/messages.controller';
import { AdminIndexPagesController } from './admin-index.controller';
import { ApiKeysPagesController } from './api-keys.controller';
import { AuditPagesController } from './audit.controller';
import { ChannelsPagesController } from './channels.controller';
import { InvitationsPagesController } from './invitations.controller';
import { SettingsPagesController } from './settings.controller';
import { UsersPagesController } from './users.controller';

/** Administration: users, invitations, API keys, channels, settings, the message log and the audit trail (unit/admin, unit/invitations, unit/messages). */
export const UNIT_ADMIN_CONTROLLERS: Type[] = [
  AdminIndexPagesController,
  UsersPagesController,
  InvitationsPagesController,
  ApiKeysPagesController,
  ChannelsPagesController,
  SettingsPagesController,
  AuditPagesController,
  MessagesPagesController,
];
