/**
 * The one error catalogue. The mock backend answers with these codes and
 * statuses; the app shows the message and the action to the person. Codes
 * are stable: tests and clients match on them, never on the text.
 */

export interface ErrorSpec {
  status: number
  /** What went wrong, in words a resident understands. */
  message: string
  /** What the person can do about it. */
  action: string
}

export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    message: '填写的内容不符合要求',
    action: '请按提示修改后再提交',
  },
  MALFORMED_REQUEST: {
    status: 400,
    message: '请求格式有误',
    action: '请返回上一页重新操作；如仍不行，请更新到最新版本',
  },
  RESIDENT_ID_INVALID: {
    status: 400,
    message: '身份证号码有误',
    action: '请核对 18 位身份证号码，最后一位可能是数字或 X',
  },
  PHONE_INVALID: {
    status: 400,
    message: '手机号码有误',
    action: '请填写 11 位中国大陆手机号码',
  },
  IDEMPOTENCY_KEY_MISSING: {
    status: 400,
    message: '提交缺少防重复标识',
    action: '请返回重新提交；如仍不行，请更新到最新版本',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: '同一次提交的内容前后不一致',
    action: '请返回表决页重新选择后再提交',
  },
  AUTH_REQUIRED: {
    status: 401,
    message: '尚未登录',
    action: '请先登录并完成实名认证',
  },
  SESSION_EXPIRED: {
    status: 401,
    message: '登录已过期',
    action: '为保护您的账户，请重新登录',
  },
  LOGIN_CODE_INVALID: {
    status: 401,
    message: '登录授权无效',
    action: '请关闭后重新打开应用再登录',
  },
  NOT_VERIFIED: {
    status: 403,
    message: '尚未完成实名认证',
    action: '请先完成实名认证（姓名、身份证号、手机号）',
  },
  IDENTITY_MISMATCH: {
    status: 422,
    message: '姓名、身份证号与手机号不一致',
    action: '请核对后重试；手机号须是在公安登记的本人号码',
  },
  IDENTITY_ALREADY_BOUND: {
    status: 409,
    message: '该身份已绑定到其他账户',
    action: '请用原账户登录，或到居委会办理解绑',
  },
  SMS_NOT_REQUESTED: {
    status: 422,
    message: '尚未获取短信验证码',
    action: '请先点击“获取验证码”',
  },
  SMS_CODE_WRONG: {
    status: 422,
    message: '短信验证码不正确',
    action: '请核对短信中的 6 位数字后重新输入',
  },
  SMS_CODE_EXPIRED: {
    status: 422,
    message: '短信验证码已过期',
    action: '请重新获取验证码',
  },
  SMS_TOO_MANY_ATTEMPTS: {
    status: 429,
    message: '验证码输错次数过多',
    action: '请重新获取验证码',
  },
  SMS_RATE_LIMITED: {
    status: 429,
    message: '获取验证码过于频繁',
    action: '请稍等一分钟后再获取',
  },
  STEP_UP_REQUIRED: {
    status: 403,
    message: '投票前需要再次验证身份',
    action: '请输入发送到您手机的验证码',
  },
  STEP_UP_INVALID: {
    status: 403,
    message: '身份验证已失效',
    action: '请重新获取验证码完成验证后再投票',
  },
  FORBIDDEN: {
    status: 403,
    message: '您没有权限进行此操作',
    action: '如有疑问，请联系居委会',
  },
  OTHER_ESTATE: {
    status: 403,
    message: '这是其他小区的事项',
    action: '您只能查看和参与本人房屋所在小区的事项',
  },
  NOT_AN_OWNER: {
    status: 403,
    message: '只有业主可以表决',
    action:
      '您登记为住户，可以查看表决并关注结果；如您是业主，请到居委会核对不动产登记',
  },
  NOT_ON_ROLL: {
    status: 403,
    message: '您不在本次表决的名册中',
    action: '本次表决只由名册中的业主参加；如有异议，请联系组织方',
  },
  NOT_FOUND: {
    status: 404,
    message: '没有找到该内容',
    action: '请返回列表刷新后重试',
  },
  BALLOT_NOT_FOUND: {
    status: 404,
    message: '没有找到该表决',
    action: '请返回议事列表刷新后重试',
  },
  BALLOT_NOT_OPEN: {
    status: 409,
    message: '该表决尚未开始投票',
    action: '请在公告的投票时间内再来',
  },
  BALLOT_CLOSED: {
    status: 409,
    message: '投票已截止',
    action: '截止后不能再投票，结果公布后可在议事中查看',
  },
  ALREADY_VOTED: {
    status: 409,
    message: '该房屋已经投过票，投票一经提交不可撤回',
    action: '可在“我的 → 我的回执”中查看投票回执',
  },
  CHOICES_INCOMPLETE: {
    status: 422,
    message: '还有表决事项没有选择',
    action: '请对每一项选择同意、反对或弃权',
  },
  RATE_LIMITED: {
    status: 429,
    message: '操作过于频繁',
    action: '请稍后再试',
  },
  NETWORK_ERROR: {
    status: 0,
    message: '网络连接失败',
    action: '请检查网络后重试；已填写的内容不会丢失',
  },
  INTERNAL: {
    status: 500,
    message: '服务暂时出现问题',
    action: '请稍后重试；如多次失败，请联系居委会',
  },
} as const satisfies Record<string, ErrorSpec>

export type ErrorCode = keyof typeof ERRORS

/** One problem with one field of a request or form. */
export interface FieldIssue {
  field: string
  message: string
}

/** What the backend sends for every failed request. */
export interface ErrorBody {
  error: {
    code: ErrorCode
    message: string
    action: string
    issues?: FieldIssue[]
  }
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly issues: FieldIssue[] | undefined

  constructor(code: ErrorCode, issues?: FieldIssue[]) {
    super(ERRORS[code].message)
    this.name = 'AppError'
    this.code = code
    this.status = ERRORS[code].status
    this.issues = issues
  }

  toBody(): ErrorBody {
    const { message, action } = ERRORS[this.code]
    return { error: { code: this.code, message, action, issues: this.issues } }
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  // Object.hasOwn is missing from older mini-program runtimes.
  return (
    typeof value === 'string' &&
    Object.prototype.hasOwnProperty.call(ERRORS, value)
  )
}

/** Narrowing guard for invariants: throws the coded error when false. */
export function ensure(
  condition: unknown,
  code: ErrorCode,
  issues?: FieldIssue[],
): asserts condition {
  if (!condition) throw new AppError(code, issues)
}
