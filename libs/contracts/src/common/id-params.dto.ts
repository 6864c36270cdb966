import { IsUUID } from 'class-validator';

/** `:id` of a route: a malformed id is a 400 naming it, never a database error. */
export class IdParams {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}
