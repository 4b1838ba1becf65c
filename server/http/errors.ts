/**
 * One error shape across the server (cf. documenso AppError): a code, a user message in Chinese and English,
 * optional field details; internal messages and stacks never leave the process.
 */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'CSRF'
  | 'MISDIRECTED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  CSRF: 403,
  MISDIRECTED: 421,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

const DEFAULT_MESSAGES: Record<ErrorCode, [string, string]> = {
  BAD_REQUEST: ['请求格式不正确', 'Malformed request'],
  VALIDATION: ['输入内容有误，请检查后重试', 'Some input is invalid'],
  UNAUTHENTICATED: ['请先登录', 'Please sign in'],
  FORBIDDEN: ['无权访问该资源', 'You are not allowed to access this'],
  NOT_FOUND: ['未找到', 'Not found'],
  CONFLICT: ['状态冲突，请刷新后重试', 'Conflict, please reload'],
  PAYLOAD_TOO_LARGE: ['请求内容过大', 'Request body too large'],
  RATE_LIMITED: ['尝试过于频繁，请稍后再试', 'Too many attempts, try again later'],
  CSRF: ['请求来源校验失败', 'Cross-site request refused'],
  MISDIRECTED: ['请求的主机名不属于本平台', 'This host name is not served here'],
  UNAVAILABLE: ['服务暂不可用', 'Service unavailable'],
  INTERNAL: ['服务器内部错误', 'Internal server error'],
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; messageEn: string; details?: unknown };
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    opts: { message?: string; messageEn?: string; details?: unknown; internal?: string; retryAfterS?: number } = {},
  ) {
    super(opts.internal ?? opts.messageEn ?? DEFAULT_MESSAGES[code][1]);
    this.status = STATUS[code];
    this.userMessage = opts.message ?? DEFAULT_MESSAGES[code][0];
    this.userMessageEn = opts.messageEn ?? DEFAULT_MESSAGES[code][1];
    this.details = opts.details;
    this.retryAfterS = opts.retryAfterS;
  }
  readonly userMessage: string;
  readonly userMessageEn: string;
  readonly details?: unknown;
  readonly retryAfterS?: number;

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.userMessage, messageEn: this.userMessageEn, details: this.details } };
  }
}

/**
 * Input that passed validation but that Postgres still refuses as data (SQLSTATE class 22: a date out of range, a
 * number too large for its column) is the caller's mistake, not ours: 400, not 500.
 */
export const BAD_DATA = ['输入的值超出允许范围', 'A value is out of range'] as const;
function isBadData(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** Anything thrown becomes an AppError; unknown errors become INTERNAL with no detail. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (isBadData(e)) return new AppError('BAD_REQUEST', { message: BAD_DATA[0], messageEn: BAD_DATA[1], internal: e instanceof Error ? e.message : String(e) });
  return new AppError('INTERNAL', { internal: e instanceof Error ? e.message : String(e) });
}

export function errorResponse(e: unknown): Response {
  const err = toAppError(e);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (err.retryAfterS) headers['retry-after'] = String(err.retryAfterS);
  return new Response(JSON.stringify(err.toBody()), { status: err.status, headers });
}
