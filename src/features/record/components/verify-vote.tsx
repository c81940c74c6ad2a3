import { View } from '@tarojs/components'
import { useState } from 'react'

import type { SignedReceipt, VoteProof } from '@/core/record-api'
import type { VoteCheck } from '@/core/vote-check'
import { checkVoteProof } from '@/core/vote-check'
import { ENDORSER_TEXT, ENDORSERS } from '@/core/seal'
import { useRemote } from '@/lib/remote'
import { formatDateTime } from '@/lib/time'
import { a11y, ActionButton, ErrorNotice, Loading } from '@/lib/ui'

import { getVoteProof } from '../api/get-vote-proof'
import { endorsersText } from '../record-text'
import { shortHex, trustedKeys } from '../trusted-keys'
import './record.scss'

function mark(ok: boolean): string {
  return ok ? '✓' : '✗'
}

/** What was checked, for those who want to see it. */
function Details({
  receipt,
  proof,
  check,
}: {
  receipt: SignedReceipt
  proof: VoteProof
  check: VoteCheck
}) {
  const keys = trustedKeys()
  const { header } = proof.block
  return (
    <View {...a11y({ role: 'list', label: '核验细节' })}>
      <View className="record__detail" {...a11y({ role: 'listitem' })}>
        {mark(check.receiptSigned)} 回执签名：用应用内置的后台公钥{' '}
        <View className="record__mono">{shortHex(keys.backend)}</View> 核对
      </View>
      <View className="record__detail" {...a11y({ role: 'listitem' })}>
        {mark(check.entryMatches)} 记录条目：第 {receipt.seq}{' '}
        条，重新计算的哈希与回执一致，记下的选择与您的选择一致
        <View className="record__mono">{shortHex(receipt.entryHash)}</View>
      </View>
      <View className="record__detail" {...a11y({ role: 'listitem' })}>
        {mark(check.inBlock)} 默克尔路径：从您的条目经 {proof.proof.path.length}{' '}
        步算到第 {header.height} 个区块的根（该区块封存第 {header.fromSeq}–
        {header.toSeq} 条记录）
        <View className="record__mono">{shortHex(header.root)}</View>
      </View>
      {ENDORSERS.map((id) => (
        <View
          key={id}
          className="record__detail"
          {...a11y({ role: 'listitem' })}
        >
          {mark(check.endorsers.includes(id))} {ENDORSER_TEXT[id]}
          的签名：用应用内置的公钥{' '}
          <View className="record__mono">
            {shortHex(keys.endorsers[id])}
          </View>{' '}
          核对区块头
        </View>
      ))}
    </View>
  )
}

function Verdict({
  receipt,
  proof,
}: {
  receipt: SignedReceipt
  proof: VoteProof
}) {
  const [open, setOpen] = useState(false)
  const check = checkVoteProof(receipt, proof, trustedKeys())
  const when = formatDateTime(check.sealedAt)
  const text = check.ok
    ? `✓ 已记录，已由 ${endorsersText(check.endorsers)}签署封存，于 ${when}`
    : `✗ 核验未通过：${
        !check.receiptSigned
          ? '回执签名不对'
          : !check.entryMatches
            ? '记录中的这一条与您的回执不符'
            : !check.inBlock
              ? '您的条目不在所给区块中'
              : `区块只有 ${endorsersText(check.endorsers)} 的有效签名，不足 2 方`
      }。请截图保存并联系居委会。`
  return (
    <View>
      <View
        className={`record__verdict${check.ok ? '' : ' record__verdict--bad'}`}
        {...a11y({ role: check.ok ? 'status' : 'alert' })}
      >
        {text}
      </View>
      <ActionButton kind="link" onClick={() => setOpen(!open)}>
        {open ? '收起核验细节' : '查看核验细节'}
      </ActionButton>
      {open ? <Details receipt={receipt} proof={proof} check={check} /> : null}
    </View>
  )
}

/**
 * "核验我的投票": fetches the proof for this receipt and checks it on the
 * phone. The answer is in one plain sentence; the steps are one tap
 * deeper.
 */
export function VerifyVote({ receipt }: { receipt: SignedReceipt }) {
  const [asked, setAsked] = useState(false)
  const key = asked ? `${receipt.ballotId}#${receipt.seq}` : null
  const { state, reload } = useRemote(key, () =>
    getVoteProof(receipt.ballotId, receipt.seq),
  )

  switch (state.status) {
    case 'idle':
      return (
        <ActionButton onClick={() => setAsked(true)}>核验我的投票</ActionButton>
      )
    case 'loading':
      return <Loading text="正在取回收录证明并核验…" />
    case 'failed':
      return (
        <ErrorNotice
          error={state.error}
          onRetry={reload}
          retryText="再次核验"
        />
      )
    case 'ok':
      return <Verdict receipt={receipt} proof={state.data} />
  }
}
