export default definePageConfig({
  navigationBarTitleText: '编辑表决',
})
