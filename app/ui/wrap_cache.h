#pragma once
// Wrapped lines remembered per (face, size, width, text). Wrapping Chinese text measures every
// character; a department's 300 item names or a 100-row fee table would be measured again on
// every frame just to know their heights. Here each text is wrapped once per width and text
// size (大字 uses other faces), until the fonts are rebuilt. Owned by the kiosk (see
// TextHelpers in text_layout.h); the text helpers use it when it is set.
#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace openday::ui {

// One wrapped line as a part of the text it was cut from, so that it can be applied to any copy
// of that text (screens often build the text anew each frame).
struct WrappedLine {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  float width = 0;
};

class WrapCache {
 public:
  enum class Mode : std::uint8_t { Plain, Balanced };
  using Wrap = std::function<std::vector<WrappedLine>()>;

  // Past this many texts the cache starts over: a kiosk shows a few hundred at a time, and a
  // visitor walking the whole county must not grow it without bound.
  static constexpr std::size_t kMaxEntries = 8192;

  // The lines of text, from wrap() the first time. The reference holds until the next call.
  const std::vector<WrappedLine>& lines(const ImFont& font, float size, float max_width, Mode mode, std::string_view text,
                                        const Wrap& wrap);
  // After the fonts were rebuilt: advances (and the faces' addresses) may have changed.
  void clear();
  // How often the cache was emptied for new fonts: whatever was measured with an older
  // generation is outdated (RowIndex keys on it).
  std::size_t generation() const { return generation_; }

  std::size_t size() const { return entries_.size(); }
  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }

 private:
  struct KeyView {
    const ImFont* font;
    float size;
    float max_width;
    Mode mode;
    std::string_view text;
  };
  struct Key {
    const ImFont* font;
    float size;
    float max_width;
    Mode mode;
    std::string text;
    KeyView view() const { return {font, size, max_width, mode, text}; }
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(const KeyView& k) const;
    std::size_t operator()(const Key& k) const { return (*this)(k.view()); }
  };
  struct Equal {
    using is_transparent = void;
    static bool same(const KeyView& a, const KeyView& b) {
      return a.font == b.font && a.size == b.size && a.max_width == b.max_width && a.mode == b.mode && a.text == b.text;
    }
    bool operator()(const Key& a, const Key& b) const { return same(a.view(), b.view()); }
    bool operator()(const Key& a, const KeyView& b) const { return same(a.view(), b); }
    bool operator()(const KeyView& a, const Key& b) const { return same(a, b.view()); }
  };

  std::unordered_map<Key, std::vector<WrappedLine>, Hash, Equal> entries_;
  std::size_t generation_ = 0;
  std::size_t hits_ = 0;
  std::size_t misses_ = 0;
};

}  // namespace openday::ui
