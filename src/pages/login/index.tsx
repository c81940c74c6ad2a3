import { useRouter } from '@tarojs/taro'

import { SignIn } from '@/features/identity'
import { replacePage, ROUTES } from '@/lib/navigation'
import { Screen } from '@/lib/ui'

export default function LoginPage() {
  const { params } = useRouter()
  const back = params.back ? decodeURIComponent(params.back) : ROUTES.home
  return (
    <Screen title="登录与实名认证" subtitle="邻里共治 · 新桥镇">
      <SignIn onDone={() => replacePage(back)} />
    </Screen>
  )
}
