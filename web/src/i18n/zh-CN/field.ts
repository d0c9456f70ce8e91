/** Chinese UI strings of the phone app (/m). */
export const field = {
  field: {
    title: '工作台',
    backHome: '返回工作台',
    offline: '无网络：上报会保存在手机上，有信号后自动发送',
    todo: '我的待办',
    console: '打开完整版（电脑版）',
    cases: {
      title: '我的案件',
      handling: '我在办的',
      reported: '我上报的',
      none: '没有案件',
    },
    visits: {
      title: '待走访',
      all: '本轮（{{days}} 天）未走访的房屋',
      hint: '{{days}} 天内未走访的房屋共 {{n}} 户，从未走访的排在前面',
      never: '从未走访',
      last: '上次走访 {{date}}',
      none: '本轮走访已完成',
    },
    outbox: {
      title: '待发送',
      waiting: '等待发送',
      sent: '已上报',
      refused: '被退回，请修改后重报',
      discard: '删除',
      clearSent: '清除已上报的',
      queuedTitle: '已保存在手机上',
      queuedHint: '当前没有网络，有信号后会自动上报，可在工作台“待发送”中查看',
    },
  },
  hostSignOn: {
    signingOn: '正在通过政务 App 登录…',
    failedTitle: '未能登录',
    failed: '政务 App 的登录凭证无效或已过期。请返回政务 App，重新进入“网格工作台”。',
    unmappedTitle: '账号尚未关联',
    unmapped:
      '您在政务 App 中的账号还没有关联格治账号。请把下面的编号告诉所在县（市、区）平台的安全管理员，由其在“宿主账号关联”中添加关联后再进入。',
    subject: '政务 App 用户编号',
    refusedTitle: '不能登录',
    refused: '关联的格治账号已停用，或是管理员账号（管理员须在电脑上以密码和动态口令登录）。请联系安全管理员。',
    unavailable: '暂时连不上政务 App 的认证服务，请稍后再试。',
    openFromHost: '请从政务 App 打开网格工作台。',
    retry: '重新登录',
  },
};
