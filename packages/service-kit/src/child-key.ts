import { createHmac } from 'node:crypto';

import { badInput } from './errors.js';

/** The 12-digit personal identification number (số định danh cá nhân) of the national population database. */
const PERSONAL_ID = /^\d{12}$/;

/**
 * The secret every sector holding children's records shares, so that they compute the same key.
 * The development value lets the demo run; a production service refuses it (see subgraphEnvSchema).
 */
export const DEVELOPMENT_CHILD_KEY_SECRET = 'development-only-child-key-secret-do-not-use-in-production';

/**
 * The federation's key for a child: HMAC-SHA256 of the personal identification number under the
 * shared secret, base64url. Every sector derives the same key from the number it holds, so the gateway
 * can join a child's records across sectors by it; the number itself never leaves a sector, and
 * without the secret the key cannot be reversed by trying the 10^12 possible numbers.
 */
export function childKeyOf(personalId: string, secret: string): string {
  return createHmac('sha256', secret).update(personalId).digest('base64url');
}

/** Checks a personal identification number given as input (field `field`) and returns the child's key. */
export function childKeyFromInput(personalId: string, secret: string, field = 'personalId'): string {
  if (!PERSONAL_ID.test(personalId)) {
    throw badInput('Số định danh cá nhân phải gồm đúng 12 chữ số.', { field, reason: 'INVALID_PERSONAL_ID' });
  }
  return childKeyOf(personalId, secret);
}
