#pragma once
// The approval items a 常见问题 links to, drawn by the 常见问题 answer and the 我要问 answer.
#include <string>
#include <vector>

namespace openday::ui {

class ScreenContext;

// The items as full-width buttons opening each 办事指南; returns the y below them.
float draw_related_items(ScreenContext& ctx, const std::vector<std::string>& ids, float x, float y, float width);

}  // namespace openday::ui
