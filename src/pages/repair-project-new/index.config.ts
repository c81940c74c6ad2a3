export default definePageConfig({
  navigationBarTitleText: '转为工程项目',
})
