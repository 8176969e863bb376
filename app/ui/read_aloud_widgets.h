#pragma once
// The 朗读 button (a speaker icon and the word), the volume steps shown while it reads, and the
// mark on the section being read. Screens call these from small helpers of their own.
#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "ui/screen_context.h"

namespace openday::ui {

// The 朗读 row at pos: the button reads sections() (asked only on a tap) or stops them; while
// reading, the three volume steps follow it. Without a voice it says 语音暂不可用 and takes no
// touch. Returns the row's height. key names the block on its screen (tap ids: read.KEY,
// read.KEY.volume.N).
float read_aloud_row(ScreenContext& ctx, const std::string& key, ImVec2 pos, float width,
                     const std::function<std::vector<std::string>()>& sections);
// The height read_aloud_row takes, for screens that lay out before they draw.
float read_aloud_row_height(ScreenContext& ctx);

// Marks a block as the one being read: an accent bar at its left and an outline around it
// (a shape, not a colour alone, and nothing drawn over the text).
void mark_section_read(ScreenContext& ctx, ImVec2 min, ImVec2 max);

}  // namespace openday::ui
