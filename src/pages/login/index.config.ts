export default definePageConfig({
  navigationBarTitleText: '登录与实名认证',
})
