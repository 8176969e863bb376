// generate_county --departments 60 --items 3000 --seed S --out DIR [--with-sample SRC_CONTENT_DIR]
// Writes a content folder of a real county's size for tests and benchmarks (issue 18); see
// tests/support/county_generator.h. Built with the tests, never shipped.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "support/county_generator.h"

namespace {

constexpr const char* kUsage =
    "usage: generate_county [--departments N] [--items N] [--seed S] --out DIR [--with-sample CONTENT_DIR]\n"
    "  defaults: 60 departments, 3000 approval items, seed 1; DIR must be missing or empty\n";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "generate_county: %s\n%s", message.c_str(), kUsage);
  return 2;
}

bool parse_number(const char* text, unsigned long long& out) {
  char* end = nullptr;
  if (!text || !*text || *text == '-') return false;
  out = std::strtoull(text, &end, 10);
  return *end == '\0';
}

}  // namespace

int main(int argc, char** argv) {
  openday::testing::CountyOptions options;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (i + 1 >= argc) return usage_error(std::string(arg) + " needs a value");
    const char* value = argv[++i];
    unsigned long long number = 0;
    if (arg == "--out") {
      out = value;
    } else if (arg == "--with-sample") {
      options.with_sample = value;
    } else if (arg == "--departments" || arg == "--items" || arg == "--seed") {
      if (!parse_number(value, number) || (arg != "--seed" && number > 100000))
        return usage_error(std::string(arg) + " must be a whole number, found \"" + value + "\"");
      if (arg == "--departments") options.departments = static_cast<int>(number);
      else if (arg == "--items") options.items = static_cast<int>(number);
      else options.seed = number;
    } else {
      return usage_error("unknown option " + std::string(arg));
    }
  }
  if (out.empty()) return usage_error("--out DIR is required");
  try {
    openday::testing::generate_county(options, out);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "generate_county: %s\n", error.what());
    return 1;
  }
  return 0;
}
