import { View } from '@tarojs/components'

import type { BallotResult as Result } from '@/core/voting-api'
import { useRemote } from '@/lib/remote'
import { formatDateTime } from '@/lib/time'
import { RemoteView, Section } from '@/lib/ui'

import { getResult } from '../api/get-result'
import { ElectionResultView } from './election-result'
import { ItemResultView } from './result-bars'

export function ResultBody({ result }: { result: Result }) {
  return (
    <View>
      <Section title="结果概要">
        <View>{result.title}</View>
        <View>投票截止：{formatDateTime(result.closesAt)}</View>
        {result.publishedAt ? (
          <View>
            结果公布：{formatDateTime(result.publishedAt)}
            {result.publishedBy === 'deadline'
              ? '（截止后 3 日内无人公布，系统按期公布）'
              : ''}
          </View>
        ) : (
          <View>结果尚未公布，仅组织方可见</View>
        )}
        <View>
          共 {result.votes} 户投票，其中 {result.proxyVotes} 户由代理人投票
        </View>
        {result.supersededVotes > 0 ? (
          <View className="muted">
            另有 {result.supersededVotes}{' '}
            次投票被本人之后的投票替代，不计票，仍保留在记录中
          </View>
        ) : null}
      </Section>
      <Section title={`各项结果（共 ${result.items.length} 项）`}>
        {result.items.map((item) =>
          item.election ? (
            <ElectionResultView
              key={item.itemId}
              result={item}
              election={item.election}
            />
          ) : (
            <ItemResultView key={item.itemId} result={item} />
          ),
        )}
      </Section>
    </View>
  )
}

/** A closed ballot's result, per item, against the legal thresholds. */
export function BallotResult({ ballotId }: { ballotId: string }) {
  const { state, reload } = useRemote(ballotId, () => getResult(ballotId))
  return (
    <RemoteView state={state} loadingText="正在加载表决结果…" onRetry={reload}>
      {(result) => <ResultBody result={result} />}
    </RemoteView>
  )
}
