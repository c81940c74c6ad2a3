import { View } from '@tarojs/components'

import { PHASE_TEXT } from '@/core/ballot'
import type { ProxyStatus } from '@/core/voting-api'
import { useRemote } from '@/lib/remote'
import { formatShortDateTime } from '@/lib/time'
import { a11y, Section } from '@/lib/ui'

import { listHeldProxies } from '../api/proxies'
import { unitsText } from '../ballot-text'

// The same states as the owner sees them, told to the proxy.
const HELD_STATUS_TEXT: Record<ProxyStatus, string> = {
  active: '请在截止前代为投票',
  used: '您已代为投票',
  revoked: '业主已撤销委托',
  superseded: '业主已亲自投票，委托失效',
}

export interface HeldProxiesProps {
  onOpen: (ballotId: string) => void
  refreshKey?: number
}

/**
 * Ballots others authorised the viewer to vote in. Shown above the
 * estate's list, and nothing at all when there are none: most people
 * never hold a proxy.
 */
export function HeldProxies({ onOpen, refreshKey = 0 }: HeldProxiesProps) {
  const { state } = useRemote(`held:${refreshKey}`, listHeldProxies)
  if (state.status !== 'ok' || state.data.held.length === 0) return null
  return (
    <Section title="我代理的表决">
      <View {...a11y({ role: 'list' })}>
        {state.data.held.map(
          ({ proxy, ballotTitle, estateName, phase, closesAt }) => (
            <View key={proxy.id} {...a11y({ role: 'listitem' })}>
              <View
                className="ballot-card"
                onClick={() => onOpen(proxy.ballotId)}
                {...a11y({
                  role: 'link',
                  label: `${ballotTitle}，受 ${proxy.grantorName} 委托，${PHASE_TEXT[phase]}`,
                  focusable: true,
                })}
              >
                <View className="ballot-card__tags">
                  <View className={`tag tag--${phase}`}>
                    {PHASE_TEXT[phase]}
                  </View>
                  <View className="tag tag--todo">代理投票</View>
                </View>
                <View className="ballot-card__title">{ballotTitle}</View>
                <View>
                  受 {proxy.grantorName} 委托 · {estateName}{' '}
                  {unitsText(proxy.units)}
                </View>
                <View className="muted">
                  {HELD_STATUS_TEXT[proxy.status]} ·{' '}
                  {formatShortDateTime(closesAt)} 截止
                </View>
              </View>
            </View>
          ),
        )}
      </View>
    </Section>
  )
}
