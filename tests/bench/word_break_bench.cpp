// Issue 28: what breaking Chinese lines at word boundaries (ICU's dictionary word break) costs.
// Prints
// - the first wrap in a fresh process (ICU reads its word rules when the iterator is made and
//   its Chinese dictionary on the first Han text: a one-time cost the kiosk pays on its first
//   frame with text), and the second;
// - the CPU time to wrap 1,000 paragraphs of the sample content (introductions, item names,
//   legal bases, conditions), plain and balanced, with word breaks (now) and with breaks
//   between any two characters (before), uncached: the kiosk's wrap cache spares all but the
//   first frame that shows a text.
//
//   word_break_bench
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "support/headless_kiosk.h"
#include "ui/text_layout.h"

namespace {

using namespace openday;

// The CPU time of this thread: on a machine shared with builds, wall time would count the
// moments another process ran.
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Before any kiosk exists (a kiosk wraps text on its first frame): ImGui's own font, whose
// advances are all alike, is enough to time ICU's start.
void print_first_wraps() {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->AddFontDefault();
  io.Fonts->Build();
  const ImFont& font = *io.Fonts->Fonts[0];
  const float width = font.FontSize * 4;  // narrow enough that both paragraphs are broken into lines
  double start = thread_cpu_ms();
  ui::wrap_text(font, font.FontSize, "欢迎参加政务公开日活动，请从生活中的事找到您要办的事项。", width);
  const double first = thread_cpu_ms() - start;
  start = thread_cpu_ms();
  ui::wrap_text(font, font.FontSize, "请携带本人居民身份证到县公共行政服务中心一楼办理。", width);
  const double second = thread_cpu_ms() - start;
  ImGui::DestroyContext();
  std::printf("first wrap in the process (ICU iterator + dictionary): %.2f ms; the second: %.3f ms\n", first, second);
}

std::vector<std::string> sample_paragraphs(std::size_t count) {
  std::vector<std::string> texts;
  for (const Department& d : testing::HeadlessKiosk::sample_content()->departments) {
    texts.push_back(d.introduction);
    for (const ApprovalItem& item : d.approval_items) {
      texts.push_back(item.name);
      texts.push_back(item.legal_basis);
      for (const std::string& condition : item.conditions) texts.push_back(condition);
    }
  }
  std::erase_if(texts, [](const std::string& t) { return t.empty(); });
  std::vector<std::string> out;
  for (std::size_t i = 0; out.size() < count; ++i) out.push_back(texts[i % texts.size()]);
  return out;
}

// The median over a few rounds of wrapping every paragraph once.
double ms_to_wrap(const std::vector<std::string>& paragraphs, const ImFont& font, float width, bool balanced,
                  ui::ChineseBreaks breaks) {
  std::vector<double> rounds;
  std::size_t lines = 0;
  for (int round = 0; round < 5; ++round) {
    const double start = thread_cpu_ms();
    for (const std::string& text : paragraphs)
      lines += (balanced ? ui::wrap_text_balanced(font, font.FontSize, text, width, breaks)
                         : ui::wrap_text(font, font.FontSize, text, width, breaks))
                   .size();
    rounds.push_back(thread_cpu_ms() - start);
  }
  if (lines == 0) std::printf("(no lines)\n");  // keeps the work from being optimised away
  std::sort(rounds.begin(), rounds.end());
  return rounds[rounds.size() / 2];
}

}  // namespace

int main() {
  print_first_wraps();
  testing::HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  const ImFont& font = *kiosk.kiosk().fonts().font(ui::FontRole::Body, false);
  const float han = font.GetCharAdvance(0x653F);
  const std::vector<std::string> paragraphs = sample_paragraphs(1000);
  std::size_t bytes = 0;
  for (const std::string& text : paragraphs) bytes += text.size();
  std::printf("1,000 paragraphs of the sample content, about %zu characters each; CPU ms per 1,000 (median of 5):\n",
              bytes / 3 / paragraphs.size());
  for (float chars : {12.0f, 30.0f}) {
    for (bool balanced : {false, true}) {
      const double before = ms_to_wrap(paragraphs, font, han * chars, balanced, ui::ChineseBreaks::Characters);
      const double after = ms_to_wrap(paragraphs, font, han * chars, balanced, ui::ChineseBreaks::Words);
      std::printf("  %-8s at %2.0f characters a line: before (any two characters) %7.2f ms, after (words) %7.2f ms\n",
                  balanced ? "balanced" : "plain", chars, before, after);
    }
  }
  return 0;
}
