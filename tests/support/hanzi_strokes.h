#pragma once
// Test strokes from real stroke-order data (issue 31): hanzi-writer-data's per-character JSON
// (fetched by .ci/setup into a cache outside the repository) gives each stroke's median line on
// a 1024 box with y up, from 900 down to -124; the recognizer wants y down, 0 .. 1024.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <set>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/handwriting/strokes.h"
#include "core/util/utf8.h"

namespace openday::test {

// OPENDAY_HANZI_DATA in the environment, else the folder CMake was configured with.
inline std::filesystem::path hanzi_data_dir() {
  if (const char* dir = std::getenv("OPENDAY_HANZI_DATA"); dir && *dir) return dir;
#ifdef OPENDAY_HANZI_DATA
  return OPENDAY_HANZI_DATA;
#else
  return {};
#endif
}

// Fails the test (never skips) when the data is not there: the handwriting figures need it.
inline bool require_hanzi_data() {
  const auto dir = hanzi_data_dir();
  const bool present = !dir.empty() && std::filesystem::exists(dir / "低.json");
  EXPECT_TRUE(present) << "hanzi-writer-data is missing at '" << dir.string()
                       << "': run .ci/setup (it fetches it), or set OPENDAY_HANZI_DATA to its folder";
  return present;
}

// A finger reports a point every few pixels: the median's corners joined by points `step` apart.
inline Stroke densify(const Stroke& corners, int step) {
  Stroke out{corners.front()};
  for (std::size_t i = 1; i < corners.size(); ++i) {
    const double dx = corners[i].x - corners[i - 1].x, dy = corners[i].y - corners[i - 1].y;
    const int pieces = std::max(1, static_cast<int>(std::hypot(dx, dy) / step));
    for (int k = 1; k <= pieces; ++k)
      out.push_back({corners[i - 1].x + static_cast<int>(dx * k / pieces), corners[i - 1].y + static_cast<int>(dy * k / pieces)});
  }
  return out;
}

// The character's medians, y flipped down, each point moved by up to `jitter` units in x and y;
// nullopt when the data has no such character.
inline std::optional<Strokes> hanzi_strokes(const std::string& character, int jitter = 0, std::uint32_t seed = 1, int step = 0) {
  std::ifstream in(hanzi_data_dir() / (character + ".json"));
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  const auto json = nlohmann::json::parse(text.str());
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> offset(-jitter, jitter);
  const auto clamp = [](int v) { return v < 0 ? 0 : (v > kStrokeBox ? kStrokeBox : v); };
  Strokes strokes;
  for (const auto& median : json.at("medians")) {
    Stroke corners;
    for (const auto& point : median)
      corners.push_back({clamp(point.at(0).get<int>() + offset(random)), clamp(900 - point.at(1).get<int>() + offset(random))});
    strokes.push_back(step > 0 ? densify(corners, step) : corners);
  }
  return strokes;
}

// A Han character of an approval item's name, and the name's characters before it (what the
// search box holds when a visitor writes the name in order).
struct NameCharacter {
  std::string character;
  std::string before;
};

// Every Han character (not （）、 or digits) of every item name in order; `distinct`: each once.
inline std::vector<NameCharacter> item_name_characters(const Content& content, bool distinct) {
  std::set<std::string> seen;
  std::vector<NameCharacter> out;
  for (const auto& department : content.departments)
    for (const auto& item : department.approval_items) {
      std::size_t offset = 0;
      for_each_code_point(item.name, [&](char32_t code_point) {
        std::string character;
        append_utf8(character, code_point);
        const std::string before = item.name.substr(0, offset);
        offset += character.size();
        if (code_point < 0x3400 || code_point > 0x9FFF) return;
        if (!distinct || seen.insert(character).second) out.push_back({character, before});
      });
    }
  return out;
}

}  // namespace openday::test
