export default definePageConfig({
  navigationBarTitleText: '维修工程',
})
