import { View } from '@tarojs/components'
import { useState } from 'react'

import type { BallotDetail, MyVoter } from '@/core/api-types'
import { AppError } from '@/core/errors'
import {
  checkResidentId,
  normaliseResidentId,
  RESIDENT_ID_PROBLEM_TEXT,
} from '@/core/resident-id'
import type { ProxyStatus, ProxyView } from '@/core/voting-api'
import { toAppError } from '@/lib/api-client'
import { useRemote } from '@/lib/remote'
import { formatDateTime, shanghaiDateKey } from '@/lib/time'
import {
  a11y,
  ActionButton,
  ErrorNotice,
  RemoteView,
  Section,
  TextField,
} from '@/lib/ui'

import { getBallot } from '../api/get-ballot'
import { grantProxy, listProxies, revokeProxy } from '../api/proxies'
import { unitsText } from '../ballot-text'
import './voting.scss'

export const PROXY_STATUS_TEXT: Record<ProxyStatus, string> = {
  active: '有效，代理人尚未投票',
  used: '代理人已投票',
  revoked: '已撤销',
  superseded: '您已亲自投票，委托失效',
}

function GrantForm({
  ballotId,
  voter,
  onGranted,
}: {
  ballotId: string
  voter: MyVoter
  onGranted: () => void
}) {
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  // The same ID rules the backend applies, so a typo is caught here.
  function check(): boolean {
    const result = checkResidentId(
      normaliseResidentId(idNumber),
      shanghaiDateKey(),
    )
    setProblem(result.ok ? null : RESIDENT_ID_PROBLEM_TEXT[result.problem])
    return result.ok && name.trim().length > 0
  }

  async function submit() {
    setBusy(true)
    setError(null)
    try {
      await grantProxy(ballotId, {
        voterId: voter.voterId,
        agentName: name.trim(),
        agentIdNumber: normaliseResidentId(idNumber),
      })
      setConfirming(false)
      onGranted()
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setBusy(false)
    }
  }

  if (confirming) {
    return (
      <View>
        <View className="confirm__warning" {...a11y({ role: 'alert' })}>
          确认委托 {name.trim()} 为 {unitsText(voter.units)}{' '}
          代为投票？委托仅限本次表决，截止前有效；代理人投票前您可以撤销，您亲自投票后委托自动失效。
        </View>
        {error ? <ErrorNotice error={error} /> : null}
        <ActionButton onClick={submit} busy={busy} busyText="正在提交…">
          确认委托
        </ActionButton>
        <ActionButton kind="secondary" onClick={() => setConfirming(false)}>
          返回修改
        </ActionButton>
      </View>
    )
  }

  return (
    <View>
      <TextField
        id={`agent-name-${voter.voterId}`}
        label="代理人姓名"
        value={name}
        onChange={setName}
        maxlength={30}
      />
      <TextField
        id={`agent-id-${voter.voterId}`}
        label="代理人身份证号"
        type="idcard"
        value={idNumber}
        onChange={setIdNumber}
        maxlength={18}
        problem={problem}
        hint="代理人须已在本应用完成实名认证"
      />
      <ActionButton
        onClick={() => {
          if (check()) setConfirming(true)
        }}
        disabled={name.trim() === '' || idNumber.trim() === ''}
      >
        下一步：确认委托
      </ActionButton>
    </View>
  )
}

function ProxyLine({
  proxy,
  onChanged,
}: {
  proxy: ProxyView
  onChanged: () => void
}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  async function revoke() {
    setBusy(true)
    setError(null)
    try {
      await revokeProxy(proxy.id)
      onChanged()
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="voter-line" {...a11y({ role: 'listitem' })}>
      <View>
        代理人 {proxy.agentName}（{proxy.agentIdNumberMasked}）：
        {PROXY_STATUS_TEXT[proxy.status]}
      </View>
      <View className="muted">
        委托于 {formatDateTime(proxy.grantedAt)}，有效至{' '}
        {formatDateTime(proxy.validUntil)}
      </View>
      {error ? <ErrorNotice error={error} /> : null}
      {proxy.status === 'active' ? (
        <ActionButton
          kind="danger"
          onClick={revoke}
          busy={busy}
          busyText="正在撤销…"
          label={`撤销对 ${proxy.agentName} 的委托`}
        >
          撤销委托
        </ActionButton>
      ) : null}
    </View>
  )
}

function Manager({ ballot }: { ballot: BallotDetail }) {
  const { state, reload } = useRemote(ballot.id, () => listProxies(ballot.id))
  const own = ballot.myVoters.filter((v) => !v.proxyFor)
  const open = ballot.phase === 'announced' || ballot.phase === 'open'
  return (
    <RemoteView state={state} loadingText="正在加载委托…" onRetry={reload}>
      {({ proxies }) => (
        <View>
          {own.map((voter) => {
            const mine = proxies.filter((p) => p.voterId === voter.voterId)
            const live = mine.find(
              (p) => p.status === 'active' || p.status === 'used',
            )
            return (
              <Section
                key={voter.voterId}
                title={`${unitsText(voter.units)}（${voter.area} 平方米）`}
              >
                <View {...a11y({ role: 'list', label: '委托记录' })}>
                  {mine.map((p) => (
                    <ProxyLine key={p.id} proxy={p} onChanged={reload} />
                  ))}
                </View>
                {mine.length === 0 ? (
                  <View className="muted">尚未委托他人</View>
                ) : null}
                {voter.vote ? (
                  <View>这处房屋已经投票，不能再委托。</View>
                ) : null}
                {!live && !voter.vote && open ? (
                  <GrantForm
                    ballotId={ballot.id}
                    voter={voter}
                    onGranted={reload}
                  />
                ) : null}
              </Section>
            )
          })}
        </View>
      )}
    </RemoteView>
  )
}

/**
 * An owner's proxies in one ballot: who may vote for which unit, the
 * state of each authorisation, a form to authorise a verified person by
 * name and ID number, and revocation until the proxy has voted.
 */
export function ProxyManager({ ballotId }: { ballotId: string }) {
  const { state, reload } = useRemote(ballotId, () => getBallot(ballotId))
  return (
    <RemoteView state={state} loadingText="正在加载表决…" onRetry={reload}>
      {(ballot) => (
        <View>
          <View
            className="ballot__title"
            {...a11y({ role: 'heading', level: 2 })}
          >
            {ballot.title}
          </View>
          <View className="muted">
            您可以委托一名已实名认证的人代您投本次表决的票。委托以书面（本应用）形式载明代理人、表决事项和期限。
          </View>
          <Manager ballot={ballot} />
        </View>
      )}
    </RemoteView>
  )
}
