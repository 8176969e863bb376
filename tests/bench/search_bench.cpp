// Issue 14: the search's cost per keystroke over a generated county (60 departments, 3,000
// items, with the shipped sample beside them): each query is typed letter by letter, as on the
// kiosk's keyboard, and every keystroke's search is timed alone. Target: median under 1 ms.
// Usage: search_bench SAMPLE_CONTENT_DIR
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <unistd.h>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/content/pinyin.h"
#include "core/content/search.h"
#include "support/county_generator.h"

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: search_bench SAMPLE_CONTENT_DIR\n");
    return 2;
  }
  const auto dir = std::filesystem::temp_directory_path() / ("openday-search-bench-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  openday::testing::generate_county({.departments = 60, .items = 3000, .seed = 1, .with_sample = std::filesystem::path(argv[1])}, dir);
  const openday::ContentLoad load = openday::load_content(dir);
  std::filesystem::remove_all(dir);
  if (!load.content) {
    std::fprintf(stderr, "search_bench: the generated county does not load: %s\n", load.problems.front().to_string().c_str());
    return 1;
  }
  const openday::Content& content = *load.content;

  const auto index_start = Clock::now();
  const openday::SearchIndex index(content);
  const double index_ms = ms_since(index_start);

  // What visitors type: the initials of item names (every 15th item, up to 6 letters), the
  // sample's words, and letters that find nothing.
  std::vector<std::string> queries = {"DB", "DBJ", "SFZ", "YLJ", "GJJ", "YYZZ", "XQZ", "QQQQ"};
  std::size_t n = 0;
  for (const auto& department : content.departments)
    for (const auto& item : department.approval_items)
      if (n++ % 15 == 0) queries.push_back(openday::pinyin_initials(item.name).letters.substr(0, 6));
  std::vector<double> keystrokes;
  std::size_t results = 0;
  for (int round = 0; round < 3; ++round) {
    for (const std::string& query : queries) {
      for (std::size_t length = 1; length <= query.size(); ++length) {
        const auto start = Clock::now();
        const auto hits = index.search(std::string_view(query).substr(0, length));
        keystrokes.push_back(ms_since(start));
        results += hits.size();
      }
    }
  }
  std::vector<double> words;
  for (const char* word : {"低保", "身份证", "许可", "登记", "公积金", "营业执照"}) {
    const auto start = Clock::now();
    results += index.search(word).size();
    words.push_back(ms_since(start));
  }
  const double median = percentile(keystrokes, 0.5);
  std::printf("search over %zu approval items in %zu departments (index built in %.1f ms)\n", index.item_count(),
              content.departments.size(), index_ms);
  std::printf("per keystroke: median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms over %zu keystrokes (%zu results in all)\n", median,
              percentile(keystrokes, 0.9), percentile(keystrokes, 0.99), percentile(keystrokes, 1.0), keystrokes.size(), results);
  std::printf("Chinese words: median %.3f ms over %zu searches\n", percentile(words, 0.5), words.size());
  std::printf("target: median under 1 ms per keystroke: %s\n", median < 1.0 ? "met" : "NOT met");
  return 0;
}
