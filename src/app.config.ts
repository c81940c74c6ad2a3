export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/ballots/index',
    'pages/repairs/index',
    'pages/notices/index',
    'pages/me/index',
    'pages/ballot/index',
    'pages/vote/index',
    'pages/receipt/index',
    'pages/login/index',
  ],
  window: {
    navigationBarTitleText: '邻里共治',
    navigationBarBackgroundColor: '#0a4fa3',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
    backgroundTextStyle: 'dark',
  },
  // Text-only tabs; the selected one is bold blue on white (contrast
  // 8.6:1), the others dark grey (8.2:1).
  tabBar: {
    color: '#4d4d4d',
    selectedColor: '#0a4fa3',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/ballots/index', text: '议事' },
      { pagePath: 'pages/repairs/index', text: '报修' },
      { pagePath: 'pages/notices/index', text: '公告' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
})
