import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLField,
  type ValidationRule,
} from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';

import { badInput, ErrorCode } from '../errors.js';
import { POLICIES, policyOfField } from './policy.js';

/**
 * Looking a child up by personal identification number (số định danh cá nhân) is the one way from a
 * number to a child's records, so Luật Bảo vệ dữ liệu cá nhân (91/2025/QH15) rules apply to it: only
 * roles that need it (policy `personal-id:lookup`), one number per request, a stated purpose, a limit
 * per person, and an audit row for every lookup (see audit.ts).
 */
export const PERSONAL_LOOKUP_POLICY = 'personal-id:lookup';

/** Whether a field is a lookup by personal number: its policy is `personal-id:lookup`. */
export const isLookupField = (
  type: Parameters<typeof policyOfField>[0],
  field: Parameters<typeof policyOfField>[1],
) => {
  try {
    return policyOfField(type, field)?.some((all) => all.includes(POLICIES[PERSONAL_LOOKUP_POLICY])) ?? false;
  } catch {
    return false; // an unknown policy is the schema build's error, not this rule's
  }
};

/**
 * Whether a field takes a personal number: an argument `personalId`, or an input object argument with
 * a field `personalId` (e.g. `sendReferral(input: { personalId })`). Such a field turns a number into
 * a child's key, and so into the child's records in every sector, as a lookup does.
 */
export const takesPersonalId = (field: GraphQLField<unknown, unknown>): boolean =>
  field.args.some((arg) => {
    if (arg.name === 'personalId') return true;
    const type = getNamedType(arg.type);
    return isInputObjectType(type) && 'personalId' in type.getFields();
  });

/**
 * A validation rule refusing an operation document that asks a lookup field more than once (aliases
 * and fragments included, whatever the operation a request runs), or asks it below a list (once per
 * item). The lookup fields are every field that takes a personal number (`takesPersonalId`: the
 * lookup itself and the writes that key a child by its number, found the same way in a subgraph and in
 * the gateway's supergraph) and, in a subgraph, those whose policy is `personal-id:lookup`; together
 * they may appear once per request.
 * Batched HTTP requests (an array of operations) are refused by Apollo Server, whose
 * `allowBatchedHttpRequests` stays false.
 */
export function oneLookupPerRequestRule(): ValidationRule {
  return (context) => {
    let seen = 0;
    // Field nodes entered and not yet left whose type is a list: a lookup below one runs per item.
    const lists: boolean[] = [];
    return {
      Field: {
        enter(node) {
          const parent = context.getParentType();
          const field = context.getFieldDef();
          const type = context.getType();
          lists.push(type ? isListType(getNullableType(type)) : false);
          if (!parent || !field || !isObjectType(parent)) return;
          const coordinate = `${parent.name}.${field.name}`;
          if (!takesPersonalId(field) && !isLookupField(parent, field)) return;
          // One number per request, whichever fields take it: a lookup and a write with a number count together.
          seen += 1;
          if (seen === 2) {
            context.reportError(
              new GraphQLError(
                `Mỗi yêu cầu chỉ được dùng một số định danh cá nhân: trường ${field.name} cùng các trường nhận số định danh khác chỉ được xuất hiện một lần (kể cả bí danh, fragment).`,
                {
                  nodes: [node],
                  extensions: { reason: 'ONE_LOOKUP_PER_REQUEST', field: coordinate },
                },
              ),
            );
          }
          if (lists.slice(0, -1).some(Boolean)) {
            context.reportError(
              new GraphQLError(
                `Không được tra cứu số định danh cá nhân trong một danh sách: trường ${field.name} chỉ được hỏi một lần cho mỗi yêu cầu.`,
                {
                  nodes: [node],
                  extensions: { reason: 'LOOKUP_IN_LIST', field: coordinate },
                },
              ),
            );
          }
        },
        leave() {
          lists.pop();
        },
      },
    };
  };
}

export const PURPOSE_MAX_LENGTH = 500;

/** The purpose a lookup states (mục đích xử lý): required, at most 500 characters; returned trimmed. */
export function checkPurpose(purpose: string | null | undefined, field = 'purpose'): string {
  const trimmed = (purpose ?? '').trim();
  if (!trimmed) {
    throw badInput('Cần nêu mục đích tra cứu theo số định danh cá nhân (ví dụ: xác minh hồ sơ chuyển tuyến số …).', {
      field,
      reason: 'REQUIRED',
    });
  }
  if ([...trimmed].length > PURPOSE_MAX_LENGTH) {
    throw badInput(`Mục đích tra cứu dài quá ${PURPOSE_MAX_LENGTH} ký tự.`, {
      field,
      reason: 'TOO_LONG',
      max: PURPOSE_MAX_LENGTH,
    });
  }
  return trimmed;
}

export interface LookupLimits {
  /** Lookups one person may make in a window. */
  points: number;
  /** The window, in seconds. */
  windowSeconds: number;
}

/** 10 lookups per person per 10 minutes, unless configured otherwise. */
export const DEFAULT_LOOKUP_LIMITS: LookupLimits = { points: 10, windowSeconds: 600 };

/** The variables that set the lookup limits of a service holding personal data. */
export const lookupLimitsEnv = {
  PERSONAL_ID_LOOKUPS_PER_WINDOW: z.coerce.number().int().positive().default(DEFAULT_LOOKUP_LIMITS.points),
  PERSONAL_ID_LOOKUP_WINDOW_SECONDS: z.coerce.number().int().positive().default(DEFAULT_LOOKUP_LIMITS.windowSeconds),
};

export const lookupLimitsFromEnv = (env: {
  PERSONAL_ID_LOOKUPS_PER_WINDOW: number;
  PERSONAL_ID_LOOKUP_WINDOW_SECONDS: number;
}): LookupLimits => ({
  points: env.PERSONAL_ID_LOOKUPS_PER_WINDOW,
  windowSeconds: env.PERSONAL_ID_LOOKUP_WINDOW_SECONDS,
});

/** The typed answer to a person who used up their lookups: retry after `retryAfterSeconds`. */
export function rateLimited(limits: LookupLimits, msBeforeNext: number): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const minutes = Math.round(limits.windowSeconds / 60);
  return new GraphQLError(
    `Bạn đã tra cứu theo số định danh cá nhân ${limits.points} lần trong ${minutes >= 1 ? `${minutes} phút` : `${limits.windowSeconds} giây`}, là mức tối đa cho phép; vui lòng thử lại sau ${retryAfterSeconds} giây.`,
    {
      extensions: {
        code: ErrorCode.RateLimited,
        reason: 'LOOKUP_RATE_LIMITED',
        retryAfterSeconds,
        limit: limits.points,
        windowSeconds: limits.windowSeconds,
      },
    },
  );
}

/**
 * Lookups per person (by verified user id), in this process's memory: a person who used up the
 * window's lookups is refused until it ends. Several instances of a service each count on their own;
 * a shared store (RateLimiterPostgres, RateLimiterRedis) takes the same interface.
 */
export class LookupLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(readonly limits: LookupLimits = DEFAULT_LOOKUP_LIMITS) {
    this.limiter = new RateLimiterMemory({
      keyPrefix: 'personal-id-lookup',
      points: limits.points,
      duration: limits.windowSeconds,
    });
  }

  /** Counts one lookup by the person; refuses it (RATE_LIMITED) when none is left in the window. */
  async consume(userId: string): Promise<void> {
    try {
      await this.limiter.consume(userId);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rateLimited(this.limits, rejection.msBeforeNext);
      throw rejection;
    }
  }
}
