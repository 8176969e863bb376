#pragma once
// Text as it should be spoken. espeak-ng's Mandarin voice reads Chinese characters and Chinese
// punctuation well, but it reads a year as an amount (2026 -> 两千零二十六), a phone number as
// one huge number, and 8:30 as 八，三十. These pure functions rewrite a displayed text into the
// words a clerk would say aloud before it reaches the synthesiser.
#include <cstdint>
#include <string>
#include <string_view>

namespace openday {

// 1234 -> 一千二百三十四, 15 -> 十五, 10010 -> 一万零一十; numbers beyond 亿亿 are read digit by digit.
std::string chinese_number(std::uint64_t value);
// Each digit on its own: "2026" -> 二零二六 (years, document numbers); as_phone reads 1 as 幺,
// the way numbers are said on the telephone.
std::string chinese_digits(std::string_view ascii_digits, bool as_phone = false);

// The whole text as it should be read aloud (valid UTF-8 in, valid UTF-8 out):
// - dates: 2026年5月15日 -> 二零二六年五月十五日, 2026-05-15 -> the same;
// - times and ranges: 8:30—11:30 -> 八点三十分至十一点三十分, 3～5 -> 三至五;
// - phone numbers (7 or more digits, or digit groups joined by '-') and other long digit runs
//   (5 or more digits without a unit after them) digit by digit: 0571-88776655 -> 零五七幺，八八七七六六五五;
// - document numbers 〔2019〕51号 -> 二零一九，五十一号; amounts 80.5元 -> 八十点五元; 5% -> 百分之五;
// - full-width digits like plain ones; web addresses are not spelled out (网址见屏幕);
// - dashes and brackets that would be read as symbols become pauses, and the rest of the
//   Chinese punctuation (，。；：、《》（）“”) is kept: espeak-ng pauses at it by itself.
std::string speech_text(std::string_view text);

}  // namespace openday
