#include "ui/wrap_cache.h"

#include <bit>

namespace openday::ui {

std::size_t WrapCache::Hash::operator()(const KeyView& k) const {
  std::size_t h = std::hash<std::string_view>{}(k.text);
  const auto mix = [&h](std::size_t v) { h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2); };
  mix(std::hash<const void*>{}(k.font));
  mix(std::bit_cast<std::uint32_t>(k.size));
  mix(std::bit_cast<std::uint32_t>(k.max_width));
  mix(static_cast<std::size_t>(k.mode));
  return h;
}

const std::vector<WrappedLine>& WrapCache::lines(const ImFont& font, float size, float max_width, Mode mode, std::string_view text,
                                                 const Wrap& wrap) {
  const KeyView key{&font, size, max_width, mode, text};
  if (const auto found = entries_.find(key); found != entries_.end()) {
    ++hits_;
    return found->second;
  }
  ++misses_;
  if (entries_.size() >= kMaxEntries) entries_.clear();
  return entries_.emplace(Key{&font, size, max_width, mode, std::string(text)}, wrap()).first->second;
}

void WrapCache::clear() {
  entries_.clear();
  ++generation_;
}

}  // namespace openday::ui
