// What the voice is given to read: numbers, dates, times, phone numbers and symbols as words.
#include "core/content/speech_text.h"

#include <gtest/gtest.h>

namespace openday {
namespace {

TEST(SpeechText, NumbersAsAClerkSaysThem) {
  EXPECT_EQ(chinese_number(0), "零");
  EXPECT_EQ(chinese_number(7), "七");
  EXPECT_EQ(chinese_number(10), "十");
  EXPECT_EQ(chinese_number(15), "十五");
  EXPECT_EQ(chinese_number(20), "二十");
  EXPECT_EQ(chinese_number(105), "一百零五");
  EXPECT_EQ(chinese_number(110), "一百一十");
  EXPECT_EQ(chinese_number(1005), "一千零五");
  EXPECT_EQ(chinese_number(1010), "一千零一十");
  EXPECT_EQ(chinese_number(10000), "一万");
  EXPECT_EQ(chinese_number(10010), "一万零一十");
  EXPECT_EQ(chinese_number(100010), "十万零一十");
  EXPECT_EQ(chinese_number(12345678), "一千二百三十四万五千六百七十八");
  EXPECT_EQ(chinese_number(300000000), "三亿");
  EXPECT_EQ(chinese_number(100005000), "一亿零五千");
}

TEST(SpeechText, DigitsOneByOneForYearsAndPhones) {
  EXPECT_EQ(chinese_digits("2026"), "二零二六");
  EXPECT_EQ(chinese_digits("12345", true), "幺二三四五");
}

TEST(SpeechText, DatesReadTheYearDigitByDigit) {
  EXPECT_EQ(speech_text("2026年5月15日"), "二零二六年五月十五日");
  EXPECT_EQ(speech_text("发布日期：2026-04-14"), "发布日期：二零二六年四月十四日");
}

TEST(SpeechText, TimesAndTimeRanges) {
  EXPECT_EQ(speech_text("8:30—11:30"), "八点三十分至十一点三十分");
  EXPECT_EQ(speech_text("周一至周五 8:30—11:30，13:30—17:00（法定节假日除外）"),
            "周一至周五 八点三十分至十一点三十分，十三点三十分至十七点（法定节假日除外）");
  EXPECT_EQ(speech_text("12:05开始"), "十二点零五分开始");
  EXPECT_EQ(speech_text("9：00～12：00"), "九点至十二点");  // full-width colons and a wave dash
}

TEST(SpeechText, PhoneNumbersDigitByDigitWithYao) {
  EXPECT_EQ(speech_text("电话：0571-88776655"), "电话：零五七幺，八八七七六六五五");
  EXPECT_EQ(speech_text("拨打12345"), "拨打幺二三四五");
  EXPECT_EQ(speech_text("13812345678"), "幺三八幺二三四五六七八");
}

TEST(SpeechText, AmountsStayAmounts) {
  EXPECT_EQ(speech_text("10000元"), "一万元");
  EXPECT_EQ(speech_text("每件80.5元"), "每件八十点五元");
  EXPECT_EQ(speech_text("减免5%"), "减免百分之五");
  EXPECT_EQ(speech_text("3～5个工作日"), "三至五个工作日");
  EXPECT_EQ(speech_text("第3条"), "第三条");
  EXPECT_EQ(speech_text("１２３元"), "一百二十三元");  // full-width digits
}

TEST(SpeechText, DocumentNumbersAndSymbols) {
  EXPECT_EQ(speech_text("国办发〔2019〕51号"), "国办发，二零一九，五十一号");
  EXPECT_EQ(speech_text("依据《中华人民共和国行政许可法》办理"), "依据《中华人民共和国行政许可法》办理");
  EXPECT_EQ(speech_text("说明——见下"), "说明，见下");
  EXPECT_EQ(speech_text("身份证/户口本"), "身份证或户口本");
}

TEST(SpeechText, WebAddressesAreNotSpelledOut) {
  EXPECT_EQ(speech_text("详见 https://zwfw.example.gov.cn/item?id=3 办理"), "详见 网址见屏幕 办理");
}

TEST(SpeechText, PlainTextPassesUnchanged) {
  EXPECT_EQ(speech_text("本部门无行政事业性收费项目。"), "本部门无行政事业性收费项目。");
  EXPECT_EQ(speech_text(""), "");
}

}  // namespace
}  // namespace openday
