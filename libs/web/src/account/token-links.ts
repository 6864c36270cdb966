import { HttpException } from '@nestjs/common';

/** Why an account link (invitation, password reset) cannot be used, from the service's refusal. */
export type UnusableLink = 'invalid' | 'used' | 'replaced' | 'expired';

export function unusableLinkOf(error: unknown): { reason: UnusableLink; status: number } | undefined {
  if (!(error instanceof HttpException) || ![404, 410].includes(error.getStatus())) return undefined;
  const body = error.getResponse() as { code?: string };
  const code = typeof body === 'object' && body ? String(body.code ?? '') : '';
  const reason: UnusableLink = code.endsWith('_USED') ? 'used' : code.endsWith('_REPLACED') ? 'replaced' : code.endsWith('_EXPIRED') ? 'expired' : 'invalid';
  return { reason, status: error.getStatus() };
}
