#pragma once
// The heights of a long list's rows, measured once per width and text size, and which rows a
// band of the screen holds. Rows wrap, so their heights differ and ImGuiListClipper (which
// needs one height) does not fit; measuring every row on every frame is what made a
// 300-item department slow (issue 18). A screen keeps one per list it draws.
#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include "ui/text_layout.h"

namespace openday::ui {

class RowIndex {
 public:
  // Measures rows 0..count-1 with height_of(row) (each row's advance: its height and the gap
  // below it), unless the list was measured already at this width and text size with the
  // same fonts.
  template <typename HeightOf>
  void measure(float width, float text_size, std::size_t count, HeightOf&& height_of) {
    const std::size_t fonts = fonts_generation();
    if (width == width_ && text_size == text_size_ && fonts == fonts_ && tops_.size() == count + 1) return;
    width_ = width;
    text_size_ = text_size;
    fonts_ = fonts;
    tops_.assign(1, 0.0f);
    tops_.reserve(count + 1);
    for (std::size_t row = 0; row < count; ++row) tops_.push_back(tops_.back() + height_of(row));
  }

  std::size_t rows() const { return tops_.empty() ? 0 : tops_.size() - 1; }
  // Offsets from the top of the list.
  float top(std::size_t row) const { return tops_[row]; }
  float advance(std::size_t row) const { return tops_[row + 1] - tops_[row]; }
  float total() const { return tops_.empty() ? 0.0f : tops_.back(); }

  // The rows [first, last) that overlap the band [from, to], given as offsets from the top of
  // the list (a band above or below the list gives an empty range).
  std::pair<std::size_t, std::size_t> overlapping(float from, float to) const {
    if (rows() == 0 || to < from) return {0, 0};
    // First row whose bottom reaches the band; then the first whose top lies below it.
    const auto first = std::lower_bound(tops_.begin() + 1, tops_.end(), from);
    const auto last = std::upper_bound(tops_.begin(), tops_.end() - 1, to);
    const std::size_t a = static_cast<std::size_t>(first - (tops_.begin() + 1));
    const std::size_t b = static_cast<std::size_t>(last - tops_.begin());
    return {std::min(a, rows()), std::max(std::min(a, rows()), std::min(b, rows()))};
  }

 private:
  float width_ = -1;
  float text_size_ = -1;
  std::size_t fonts_ = 0;
  std::vector<float> tops_;  // rows + 1 entries: each row's top, then the bottom of the last
};

}  // namespace openday::ui
