export default definePageConfig({
  navigationBarTitleText: '全量核验',
})
