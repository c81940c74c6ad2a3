export default definePageConfig({
  navigationBarTitleText: '报事报修',
})
