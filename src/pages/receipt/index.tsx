import { useRouter } from '@tarojs/taro'

import { SignedIn } from '@/features/identity'
import { Receipts } from '@/features/record'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { Screen } from '@/lib/ui'

export default function ReceiptPage() {
  const { params } = useRouter()
  const code = params.code ? decodeURIComponent(params.code) : null
  return (
    <Screen title={code ? '投票回执' : '我的回执'}>
      <SignedIn>
        {() => (
          <Receipts
            code={code}
            onOpen={(c) => openPage(withQuery(ROUTES.receipt, { code: c }))}
            onAudit={(id) => openPage(withQuery(ROUTES.audit, { id }))}
          />
        )}
      </SignedIn>
    </Screen>
  )
}
