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
  BODY_TOO_LARGE: {
    status: 413,
    message: '提交的内容太长',
    action: '请删减文字后再提交（已填写的内容仍保留在本页）',
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
  CO_OWNER_ALREADY_VOTED: {
    status: 409,
    message: '这套共有房屋已由另一位共有人投票',
    action: '共有房屋只计一票；如需修改，请由投票的共有人本人修改',
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
  // ---- voting: ballots, proxies, results
  NOT_BALLOT_ORGANIZER: {
    status: 403,
    message: '只有业委会，或受业主大会委托的居委会，可以组织表决',
    action: '物业服务企业不能组织业主表决；请联系业委会或居委会',
  },
  MANDATE_REQUIRED: {
    status: 403,
    message: '居委会组织表决需要业主大会的委托',
    action: '请先登记业主大会的委托决定，再组织表决',
  },
  BALLOT_NOT_DRAFT: {
    status: 409,
    message: '表决已经公告，事项、名册和时间都不能再修改',
    action: '如需变更，请另行组织一次表决',
  },
  BALLOT_NO_ITEMS: {
    status: 422,
    message: '表决还没有事项',
    action: '请至少添加一个表决事项后再公告',
  },
  ROLL_EMPTY: {
    status: 422,
    message: '所选范围内没有房屋，名册为空',
    action: '请检查参加表决的楼栋或房屋',
  },
  SCHEDULE_INVALID: {
    status: 422,
    message: '投票时间安排不符合要求',
    action: '公告须在投票开始 15 日以前发出，投票期至少 1 天',
  },
  RESULT_NOT_AVAILABLE: {
    status: 409,
    message: '投票尚未截止，不公开同意、反对的票数',
    action: '投票进行中只能查看参与情况；截止后公布结果',
  },
  RESULT_NOT_PUBLISHED: {
    status: 409,
    message: '表决结果尚未公布',
    action: '组织方须在投票截止后 3 日内公布结果，请稍后再看',
  },
  BALLOT_NOT_CLOSED: {
    status: 409,
    message: '投票尚未截止，不能公布结果',
    action: '请在投票截止后再公布结果',
  },
  RESULT_ALREADY_PUBLISHED: {
    status: 409,
    message: '结果已经公布',
    action: '已公布的结果不能更改，可在表决详情中查看',
  },
  PROXY_AGENT_NOT_FOUND: {
    status: 422,
    message: '没有找到已实名认证的代理人',
    action: '请核对代理人的姓名和身份证号；代理人须先在本应用完成实名认证',
  },
  PROXY_AGENT_IS_OWNER: {
    status: 422,
    message: '此人本身就可以为这处房屋投票，无需委托',
    action: '请委托其他人，或由本人直接投票',
  },
  PROXY_EXISTS: {
    status: 409,
    message: '这处房屋本次表决已经委托了代理人',
    action: '如需更换代理人，请先撤销原委托',
  },
  PROXY_ALREADY_USED: {
    status: 409,
    message: '代理人已经投票，委托不能再撤销',
    action: '代理人的投票已经生效，可在表决详情中查看',
  },
  PROXY_REVOKED: {
    status: 409,
    message: '业主已经撤销了对您的委托',
    action: '您不能再代为投票；如有疑问，请联系业主本人',
  },
  PROXY_SUPERSEDED: {
    status: 409,
    message: '业主已经亲自投票，委托随之失效',
    action: '本次表决不需要您再代为投票',
  },
  PROXY_NOT_FOUND: {
    status: 404,
    message: '没有找到该委托',
    action: '请返回委托管理页面刷新后重试',
  },
  // ---- notices
  NOTICE_NOT_FOUND: {
    status: 404,
    message: '没有找到该公告',
    action: '公告可能尚未发布或不面向您所在的楼栋；请返回公告列表刷新',
  },
  NOTICE_NOT_STAFF: {
    status: 403,
    message: '您不是该小区这一组织的工作人员',
    action: '只有本小区居委会、业委会或物业的工作人员可以以该组织名义发布公告',
  },
  NOTICE_CATEGORY_NOT_ALLOWED: {
    status: 403,
    message: '该组织不能发布这一类公告',
    action: '请换一个公告类别，或由负责该事项的组织发布',
  },
  NOTICE_MANAGE_FORBIDDEN: {
    status: 403,
    message: '只有发布该公告的组织可以修改它',
    action: '如需更正，请联系发布公告的组织',
  },
  NOTICE_BUILDING_UNKNOWN: {
    status: 422,
    message: '所选楼栋不在本小区',
    action: '请从列表中重新选择楼栋',
  },
  NOTICE_TIMES_INVALID: {
    status: 422,
    message: '发布时间或结束时间不合理',
    action: '发布时间不能早于现在，结束时间须晚于发布时间',
  },
  NOTICE_ALREADY_PUBLISHED: {
    status: 409,
    message: '公告已经发布，不能再改发布时间',
    action: '如内容有误，请撤回后重新发布',
  },
  NOTICE_WITHDRAWN: {
    status: 409,
    message: '该公告已撤回',
    action: '撤回的公告不能再修改；如需要，请重新发布',
  },
  NOTICE_CONTENT_MISMATCH: {
    status: 422,
    message: '公告内容与类别不符',
    action:
      '整改公示须列出整改事项，公共收益公示须填写收支表，其他类别不填这两项',
  },
  NOTICE_ATTACHMENT_INVALID: {
    status: 422,
    message: '附件无法使用',
    action: '附件须是本人上传的图片或 PDF 文件，请重新上传',
  },
  PUBLIC_INCOME_UNBALANCED: {
    status: 422,
    message: '公共收益公示的金额对不上',
    action: '请核对各项收支与合计：期末结余 = 期初结余 + 收入合计 − 支出合计',
  },
  PUBLIC_INCOME_NOT_CARRIED: {
    status: 422,
    message: '期初结余与上一季度公示的期末结余不一致',
    action: '期初结余须承接上一季度的期末结余，请核对后重新填写',
  },
  PUBLIC_INCOME_DUPLICATE: {
    status: 409,
    message: '该季度的公共收益已经公示',
    action: '如需更正，请先撤回原公示并说明原因，再重新发布',
  },
  RECTIFICATION_ITEM_NOT_FOUND: {
    status: 404,
    message: '没有找到该整改事项',
    action: '请返回整改公示刷新后重试',
  },
  RECTIFICATION_UPDATE_EMPTY: {
    status: 422,
    message: '这次更新没有新的内容',
    action: '请改变整改状态，或填写进展说明',
  },
  // ---- repairs and files
  FILE_MISSING: {
    status: 400,
    message: '没有收到文件',
    action: '请重新选择照片或文件后再上传',
  },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    message: '文件类型不支持',
    action: '照片请用 JPG、PNG 或 WebP 格式，附件可用 PDF',
  },
  FILE_TOO_LARGE: {
    status: 413,
    message: '文件太大',
    action: '单个文件不能超过 5 MB，请压缩或换一张照片',
  },
  FILE_NOT_FOUND: {
    status: 404,
    message: '没有找到该文件',
    action: '文件可能已失效，请返回刷新后重试',
  },
  FILE_LINK_EXPIRED: {
    status: 403,
    message: '文件链接已过期',
    action: '请返回上一页刷新后再打开',
  },
  TOO_MANY_PHOTOS: {
    status: 422,
    message: '照片太多',
    action: '每次最多上传 9 张照片，请删掉几张后再提交',
  },
  PHOTO_INVALID: {
    status: 422,
    message: '照片无法使用',
    action: '照片须是本人刚上传的图片，请重新上传',
  },
  REPAIR_CASE_NOT_FOUND: {
    status: 404,
    message: '没有找到该报修',
    action: '请返回报修列表刷新后重试',
  },
  REPAIR_PLACE_INVALID: {
    status: 422,
    message: '报修位置不正确',
    action: '请从列表中选择本人房屋、本小区楼栋或公共区域',
  },
  REPAIR_STATE_CONFLICT: {
    status: 409,
    message: '报修当前的状态不允许这样操作',
    action: '报修可能已被其他人处理，请刷新后查看最新进度',
  },
  REPAIR_ACTION_FORBIDDEN: {
    status: 403,
    message: '您不能对这条报修进行此操作',
    action: '受理、派单和处理由承办单位进行；确认、评价和撤销由报修人进行',
  },
  REPAIR_NOTE_REQUIRED: {
    status: 422,
    message: '请写明原因或处理情况',
    action: '这一步须说明理由，报修人会在进度中看到',
  },
  REPAIR_MERGE_INVALID: {
    status: 422,
    message: '不能合并到这条报修',
    action: '只能合并到本小区另一条尚未办结的报修',
  },
  REPAIR_ALREADY_RATED: {
    status: 409,
    message: '您已经评价过这条报修',
    action: '评价提交后不能修改',
  },
  REPAIR_NOT_RATABLE: {
    status: 409,
    message: '报修确认解决后才能评价',
    action: '请先确认问题已经解决',
  },
  NOT_REPAIR_STAFF: {
    status: 403,
    message: '只有本小区的物业、居委会或业委会工作人员可以查看报修队列',
    action: '如需报修，请在“报修”页提交',
  },
  PROJECT_NOT_FOUND: {
    status: 404,
    message: '没有找到该维修工程',
    action: '请返回报修详情刷新后重试',
  },
  PROJECT_EXISTS: {
    status: 409,
    message: '这条报修已经立项为维修工程',
    action: '请在报修详情中打开该工程',
  },
  PROJECT_NOT_COMMON_PART: {
    status: 422,
    message: '只有共有部分（楼栋、公共区域）的报修可以立项为维修工程',
    action: '户内的问题请由业主自行维修',
  },
  PROJECT_APPROVAL_REQUIRED: {
    status: 422,
    message: '使用维修资金须有业主表决通过，或紧急维修的批准',
    action: '请关联通过该事项的表决；紧急维修请登记批准单位和批准人',
  },
  PROJECT_APPROVAL_INVALID: {
    status: 422,
    message: '批准依据不符合要求',
    action:
      '关联的表决须是本小区已公布结果的表决；紧急维修由业委会批准，未成立业主大会的由区房屋管理部门批准',
  },
  COST_SHARES_INVALID: {
    status: 422,
    message: '费用分摊方案不正确',
    action: '各方比例合计须正好是 100%，业主分摊须选择有房屋的楼栋',
  },
  NOT_INSPECTOR: {
    status: 403,
    message: '只有本小区的居民监督小组成员可以登记现场检查',
    action: '如想加入监督小组，请联系居委会',
  },
  // ---- record: receipts, proofs, audit
  RECORD_NOT_SEALED: {
    status: 409,
    message: '您的投票已记录，正在等待多方签署封存',
    action: '封存每隔几秒进行一次，请稍后再点“核验我的投票”',
  },
  RECORD_NOT_AVAILABLE: {
    status: 409,
    message: '投票截止后才能下载完整记录',
    action: '请在投票截止后再进行全量核验',
  },
  RECORD_ENTRY_NOT_FOUND: {
    status: 404,
    message: '没有找到您的这条投票记录',
    action: '请从“我的回执”中打开这张回执后再核验',
  },
  // ---- elections
  TOO_MANY_PICKS: {
    status: 422,
    message: '选择的候选人超过了允许的人数',
    action: '请减少选择，不超过该事项允许的人数',
  },
  PICK_INVALID: {
    status: 422,
    message: '选择的候选人不在名单中，或同一人选了两次',
    action: '请返回重新选择候选人',
  },
  ELECTION_INVALID: {
    status: 400,
    message: '选举事项的设置有误',
    action: '请检查候选人、应选人数和每人可选人数',
  },
  ELECTION_MISMATCH: {
    status: 422,
    message: '这个事项的选择方式不对',
    action: '选举事项请选择候选人或弃权，其他事项请选择同意、反对或弃权',
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
