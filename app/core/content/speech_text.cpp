#include "core/content/speech_text.h"

#include <array>
#include <optional>

#include "core/util/utf8.h"

namespace openday {
namespace {

constexpr std::array<std::string_view, 10> kDigitWords = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::string_view kPause = "，";
constexpr std::string_view kRangeWord = "至";
constexpr std::string_view kWebAddressWords = "网址见屏幕";

// Full-width digits (０-９) count as digits: content typed with a Chinese IME often has them.
std::optional<int> digit_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return std::nullopt;
}

bool is_digit(char32_t c) { return digit_value(c).has_value(); }

bool is_range_mark(char32_t c) {
  return c == U'—' || c == U'–' || c == U'-' || c == U'－' || c == U'～' || c == U'~' || c == U'〜';
}
bool is_colon(char32_t c) { return c == U':' || c == U'：'; }

// A unit after a digit run says it is an amount (10000元, 50000人次), not a code to spell out.
bool is_unit(char32_t c) {
  static constexpr std::u32string_view kUnits = U"元万亿千百人个件份次天日年月号户家名项平米公里斤吨%％";
  return kUnits.find(c) != std::u32string_view::npos;
}

// Four digits (万 group) below 10000, with the zeros a listener expects: 1005 -> 一千零五.
std::string four_digit_group(unsigned group, bool leading) {
  static constexpr std::array<std::string_view, 4> kPlaces = {"千", "百", "十", ""};
  const std::array<unsigned, 4> digits = {group / 1000, group / 100 % 10, group / 10 % 10, group % 10};
  std::string out;
  bool pending_zero = false;
  bool started = false;
  for (std::size_t i = 0; i < 4; ++i) {
    if (digits[i] == 0) {
      if (started) pending_zero = true;  // a zero before the group's first digit is the caller's
      continue;
    }
    if (pending_zero) out += kDigitWords[0];
    pending_zero = false;
    // 十五, not 一十五, when a number begins with its tens.
    const bool bare_ten = leading && !started && i == 2 && digits[i] == 1;
    if (!bare_ten) out += kDigitWords[digits[i]];
    out += kPlaces[i];
    started = true;
  }
  return out;
}

std::string integer_words(std::u32string_view digits) {
  std::string ascii;
  for (char32_t c : digits) ascii += static_cast<char>('0' + *digit_value(c));
  const std::size_t first = ascii.find_first_not_of('0');
  if (first == std::string::npos) return std::string(kDigitWords[0]);
  ascii = ascii.substr(first);
  if (ascii.size() > 16) return chinese_digits(ascii);
  return chinese_number(std::stoull(ascii));
}

std::string digit_words(std::u32string_view digits, bool as_phone) {
  std::string ascii;
  for (char32_t c : digits) ascii += static_cast<char>('0' + *digit_value(c));
  return chinese_digits(ascii, as_phone);
}

class Reader {
 public:
  explicit Reader(std::u32string text) : text_(std::move(text)) {}

  std::string run() {
    while (pos_ < text_.size()) {
      if (is_digit(text_[pos_])) {
        read_number();
      } else if (starts_web_address()) {
        skip_web_address();
      } else {
        read_symbol();
      }
    }
    return out_;
  }

 private:
  char32_t at(std::size_t i) const { return i < text_.size() ? text_[i] : U'\0'; }
  std::size_t digits_from(std::size_t i) const {
    std::size_t end = i;
    while (end < text_.size() && is_digit(text_[end])) ++end;
    return end - i;
  }
  std::u32string_view slice(std::size_t from, std::size_t length) const {
    return std::u32string_view(text_).substr(from, length);
  }

  void read_number() {
    if (read_iso_date() || read_time() || read_phone()) return;
    const std::size_t length = digits_from(pos_);
    const std::u32string_view digits = slice(pos_, length);
    const char32_t before = pos_ > 0 ? text_[pos_ - 1] : U'\0';
    const char32_t after = at(pos_ + length);
    pos_ += length;
    // A year (2026年) and a document's year (〔2019〕) are read digit by digit.
    if (length == 4 && (after == U'年' || before == U'〔' || before == U'[' || before == U'［')) {
      out_ += digit_words(digits, false);
      return;
    }
    // Codes without a unit (a hotline 12345, a postcode) are read digit by digit too.
    if (length >= 5 && !is_unit(after) && after != U'.') {
      out_ += digit_words(digits, true);
      return;
    }
    if (after == U'%' || after == U'％') {
      out_ += "百分之";
      out_ += integer_words(digits);
      ++pos_;
      return;
    }
    out_ += integer_words(digits);
    read_decimals();
    read_number_range();
  }

  // 80.5 -> 八十点五: the decimals are digits.
  void read_decimals() {
    if (at(pos_) != U'.' || !is_digit(at(pos_ + 1))) return;
    const std::size_t length = digits_from(pos_ + 1);
    out_ += "点";
    out_ += digit_words(slice(pos_ + 1, length), false);
    pos_ += 1 + length;
    if (at(pos_) == U'%' || at(pos_) == U'％') ++pos_;  // rare: 2.5% is said as 二点五 (the % read as a pause)
  }

  // 3～5 and 3-5 between numbers: 三至五.
  void read_number_range() {
    if (!is_range_mark(at(pos_)) || !is_digit(at(pos_ + 1))) return;
    out_ += kRangeWord;
    ++pos_;
  }

  bool read_iso_date() {
    if (digits_from(pos_) != 4 || at(pos_ + 4) != U'-') return false;
    const std::size_t month_length = digits_from(pos_ + 5);
    if (month_length < 1 || month_length > 2 || at(pos_ + 5 + month_length) != U'-') return false;
    const std::size_t day_at = pos_ + 6 + month_length;
    const std::size_t day_length = digits_from(day_at);
    if (day_length < 1 || day_length > 2 || is_digit(at(day_at + day_length))) return false;
    out_ += digit_words(slice(pos_, 4), false) + "年";
    out_ += integer_words(slice(pos_ + 5, month_length)) + "月";
    out_ += integer_words(slice(day_at, day_length)) + "日";
    pos_ = day_at + day_length;
    return true;
  }

  // 8:30 -> 八点三十分, 12:00 -> 十二点, 8:05 -> 八点零五分; a range 8:30—11:30 says 至 between.
  bool read_time() {
    const std::size_t hour_length = digits_from(pos_);
    if (hour_length < 1 || hour_length > 2 || !is_colon(at(pos_ + hour_length))) return false;
    const std::size_t minute_at = pos_ + hour_length + 1;
    if (digits_from(minute_at) != 2) return false;
    const int hour = *digit_value(text_[pos_]) * (hour_length == 2 ? 10 : 1) + (hour_length == 2 ? *digit_value(text_[pos_ + 1]) : 0);
    const int minute = *digit_value(text_[minute_at]) * 10 + *digit_value(text_[minute_at + 1]);
    if (hour > 24 || minute > 59) return false;
    out_ += chinese_number(static_cast<std::uint64_t>(hour)) + "点";
    if (minute > 0) out_ += (minute < 10 ? std::string(kDigitWords[0]) : std::string()) + chinese_number(static_cast<std::uint64_t>(minute)) + "分";
    pos_ = minute_at + 2;
    // The dash of a range: one or two of them (8:30——11:30) before the next number.
    std::size_t next = pos_;
    while (next < text_.size() && next < pos_ + 2 && is_range_mark(text_[next])) ++next;
    if (next > pos_ && is_digit(at(next))) {
      out_ += kRangeWord;
      pos_ = next;
    }
    return true;
  }

  // Digit groups joined by '-' (0571-88776655, 400-123-4567) or one run of seven or more digits.
  bool read_phone() {
    std::size_t end = pos_;
    std::size_t groups = 0, digits = 0;
    while (true) {
      const std::size_t length = digits_from(end);
      if (length == 0) break;
      ++groups;
      digits += length;
      end += length;
      if ((at(end) == U'-' || at(end) == U'－') && is_digit(at(end + 1))) {
        ++end;
        continue;
      }
      break;
    }
    const bool phone = (groups >= 2 && digits >= 7) || (groups == 1 && digits >= 7 && !is_unit(at(end)));
    if (!phone) return false;
    for (std::size_t i = pos_; i < end; ++i) {
      if (is_digit(text_[i])) out_ += digit_words(slice(i, 1), true);
      else out_ += kPause;
    }
    pos_ = end;
    return true;
  }

  bool starts_web_address() const {
    const std::u32string_view rest = std::u32string_view(text_).substr(pos_);
    return rest.starts_with(U"http://") || rest.starts_with(U"https://") || rest.starts_with(U"www.");
  }

  void skip_web_address() {
    while (pos_ < text_.size() && text_[pos_] < 0x80 && text_[pos_] > U' ') ++pos_;
    out_ += kWebAddressWords;
  }

  void read_symbol() {
    const char32_t c = text_[pos_++];
    switch (c) {
      // Said as a pause rather than named or skipped without one.
      case U'—':
      case U'–':
      case U'～':
      case U'~':
      case U'〔':
      case U'〕':
      case U'【':
      case U'】':
      case U'［':
      case U'］':
      case U'|':
        while (pos_ < text_.size() && text_[pos_] == c) ++pos_;  // —— is one dash
        if (!out_.ends_with(kPause)) out_ += kPause;
        return;
      case U'·':
      case U'•':
        out_ += ' ';
        return;
      case U'/':
        out_ += "或";
        return;
      case U'＋':
      case U'+':
        out_ += "加";
        return;
      default:
        append_utf8(out_, c);
    }
  }

  std::u32string text_;
  std::size_t pos_ = 0;
  std::string out_;
};

}  // namespace

std::string chinese_number(std::uint64_t value) {
  if (value == 0) return std::string(kDigitWords[0]);
  static constexpr std::array<std::string_view, 5> kGroupNames = {"", "万", "亿", "万亿", "亿亿"};
  std::array<unsigned, 5> groups{};
  std::size_t count = 0;
  for (std::uint64_t rest = value; rest > 0 && count < groups.size(); rest /= 10000) groups[count++] = static_cast<unsigned>(rest % 10000);
  if (value >= 10000000000000000000ULL) return chinese_digits(std::to_string(value));
  std::string out;
  bool started = false;
  bool zero_between = false;
  for (std::size_t i = count; i-- > 0;) {
    const unsigned group = groups[i];
    if (group == 0) {
      if (started) zero_between = true;
      continue;
    }
    // A gap of a whole group or a group below 千 after a higher one: 一万零五.
    if (started && (zero_between || group < 1000)) out += kDigitWords[0];
    out += four_digit_group(group, !started);
    out += kGroupNames[i];
    started = true;
    zero_between = false;
  }
  return out;
}

std::string chinese_digits(std::string_view ascii_digits, bool as_phone) {
  std::string out;
  for (char c : ascii_digits) {
    if (c < '0' || c > '9') continue;
    out += (as_phone && c == '1') ? std::string_view("幺") : kDigitWords[static_cast<std::size_t>(c - '0')];
  }
  return out;
}

std::string speech_text(std::string_view text) {
  std::u32string code_points;
  code_points.reserve(text.size());
  for_each_code_point(text, [&code_points](char32_t c) { code_points += c; });
  return Reader(std::move(code_points)).run();
}

}  // namespace openday
