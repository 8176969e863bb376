#pragma once
// What the font atlas tests bake with: the kiosk's own faces, at small sizes.
#include <stdexcept>
#include <string>

#include "core/util/paths.h"
#include "platform/font_lookup.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace openday::testing {

inline ui::FontSources kiosk_fonts() {
  std::string error;
  auto fonts = platform::find_kiosk_fonts(default_fonts_dir(), error);
  if (!fonts) throw std::runtime_error(error);
  return *fonts;
}

// Small sizes keep each bake quick; the cache and the warmer do not care about the size.
inline ui::Metrics small_metrics() {
  ui::Metrics m;
  m.body_px = 18;
  m.heading_px = 22;
  m.display_px = 30;
  m.hero_px = 40;
  return m;
}

}  // namespace openday::testing
