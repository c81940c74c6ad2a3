export default definePageConfig({
  navigationBarTitleText: '报修队列',
})
