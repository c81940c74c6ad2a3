/**
 * Material for synthetic Chinese names. A generated name may by chance be
 * someone's real name; the ID number and phone that go with it are made
 * up (phones in the 1990 block), and every register row is marked
 * synthetic.
 */

/** Common surnames, most frequent first, so the mix looks familiar. */
export const SURNAMES: readonly string[] = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
)

export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
]

export const GIVEN_MALE: readonly string[] = Array.from(
  '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欣阳建国志立海峰亮成东文博晨昊然轩睿哲毅',
)

export const GIVEN_FEMALE: readonly string[] = Array.from(
  '芳娜敏静丽艳娟霞秀玲桂英慧莹雪琳颖倩婷雯洁佳怡欣悦梅兰红萍燕琴云璐瑶晶婧蕾诗涵彤妍薇嘉琪',
)
