/** The record's findings in words a resident reads. */
import type { AuditProblem, AuditStage } from '@/core/audit'
import type { EndorserId } from '@/core/seal'
import { ENDORSER_TEXT, ENDORSERS } from '@/core/seal'
import type { TallyOutput } from '@/core/tally-input'

export const STAGE_TEXT: Record<AuditStage, string> = {
  entries: '逐条核对记录的哈希和前后链接',
  blocks: '核对区块的默克尔根和签署方签名',
  roll: '核对名册与记录中的名册摘要',
  count: '按同一计票规则重新计票',
}

/** 3 方中的 2 方（镇政府、业委会） */
export function endorsersText(valid: readonly EndorserId[]): string {
  const names = valid.map((id) => ENDORSER_TEXT[id]).join('、')
  return `${ENDORSERS.length} 方中的 ${valid.length} 方${names ? `（${names}）` : ''}`
}

const FIELD_TEXT: Record<keyof TallyOutput, string> = {
  totals: '总数',
  participating: '参与表决',
  agree: '同意',
  oppose: '反对',
  abstain: '弃权',
  quorum: '是否达到法定参与比例',
  approved: '是否通过',
}

const CHAIN_TEXT = {
  seq: '缺失或顺序被调换（有记录被删除、调换或插入）',
  link: '与前一条记录链接不上（前一条被改动，或本条被调换、插入）',
  hash: '内容与其哈希不符（被改动过）',
} as const

export function problemText(
  p: AuditProblem,
  itemTitle: (itemId: string) => string,
): string {
  switch (p.kind) {
    case 'entry':
      return `第 ${p.seq} 条记录${CHAIN_TEXT[p.reason]}`
    case 'block-link':
      return `第 ${p.height} 个区块缺失、顺序不对或不是接着上一块（应从第 ${p.fromSeq} 条记录开始）`
    case 'block-root':
      return `第 ${p.fromSeq}–${p.toSeq} 条记录与第 ${p.height} 个区块签署的默克尔根不符`
    case 'block-signatures':
      return `第 ${p.height} 个区块只有 ${p.valid} 个有效签名，至少需要 2 个`
    case 'unsealed':
      return `第 ${p.fromSeq}–${p.toSeq} 条记录不在任何已签署的区块中`
    case 'ballot-mismatch':
      return '下载的表决事项或截止时间与记录中的公告不一致'
    case 'roll-missing':
      return '记录中没有名册摘要'
    case 'roll-digest':
      return '名册与记录中的名册摘要不一致（名册被改动过）'
    case 'roll-totals':
      return '名册的户数、面积或人数与记录中的不一致'
    case 'roll-grouping':
      return `名册中房屋 ${p.unit} 的业主分组不符合计票规则`
    case 'vote-unknown-voter':
      return `第 ${p.seq} 条记录的投票人不在名册中`
    case 'vote-malformed':
      return `第 ${p.seq} 条记录的投票格式不正确`
    case 'vote-after-close':
      return `第 ${p.seq} 条记录的投票时间在截止之后`
    case 'result-mismatch':
      return `“${itemTitle(p.itemId)}”的重新计票与公布结果不一致：${FIELD_TEXT[p.field]}公布为 ${p.published}，重新计票为 ${p.recounted}`
    case 'election-mismatch':
      return p.candidate === null
        ? `“${itemTitle(p.itemId)}”公布的当选名单与重新计票不一致：公布为 ${p.published || '无'}，重新计票为 ${p.recounted || '无'}`
        : `“${itemTitle(p.itemId)}”候选人 ${p.candidate} 的得票与公布结果不一致：公布为 ${p.published}，重新计票为 ${p.recounted}`
    case 'result-missing':
      return `公布的结果中没有“${itemTitle(p.itemId)}”`
    case 'count-failed':
      return `无法重新计票：名册有误（${p.subject}）`
  }
}
