#include "ui/frame_settle.h"

#include <imgui_internal.h>

#include <cfloat>
#include <cstring>

namespace openday::ui {
namespace {

// FNV-1a style mixing over 64-bit words: fast enough to run over every vertex of a frame
// (~1 MB) in well under a millisecond, and any changed byte changes the result.
class Hasher {
 public:
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    while (size >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      mix(word);
      p += 8;
      size -= 8;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p, size);
    mix(tail ^ (static_cast<std::uint64_t>(size) << 56));
  }
  template <typename T>
  void value(const T& v) {
    bytes(&v, sizeof v);
  }
  std::uint64_t result() const { return h_; }

 private:
  void mix(std::uint64_t word) {
    h_ ^= word;
    h_ *= 0x100000001b3ULL;
    h_ ^= h_ >> 29;
  }
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::uint64_t draw_data_signature(const ImDrawData& data) {
  Hasher hash;
  hash.value(data.Valid);
  hash.value(data.DisplayPos);
  hash.value(data.DisplaySize);
  hash.value(data.CmdListsCount);
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    hash.value(list.VtxBuffer.Size);
    hash.bytes(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    hash.value(list.IdxBuffer.Size);
    hash.bytes(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    hash.value(list.CmdBuffer.Size);
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      hash.value(cmd.ClipRect);
      hash.value(cmd.TextureId);
      hash.value(cmd.VtxOffset);
      hash.value(cmd.IdxOffset);
      hash.value(cmd.ElemCount);
      hash.value(cmd.UserCallback != nullptr);
    }
  }
  return hash.result();
}

bool scroll_request_pending() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  for (const ImGuiWindow* window : g.Windows) {
    if (window->LastFrameActive != g.FrameCount) continue;  // not drawn now: not on screen
    if (window->ScrollTarget.x != FLT_MAX || window->ScrollTarget.y != FLT_MAX) return true;
  }
  return false;
}

bool SettleTracker::needs_another_frame(std::uint64_t signature, bool pending, bool animating) {
  const bool agrees = have_last_ && signature == last_signature_;
  last_signature_ = signature;
  have_last_ = true;
  if (!armed_) return false;
  ++frames_since_arm_;
  // The comparison counts only between two frames drawn after the arm.
  const bool settled = frames_since_arm_ >= 2 && (agrees || animating) && !pending;
  if (settled || frames_since_arm_ >= kMaxFrames) {
    armed_ = false;
    return false;
  }
  return true;
}

}  // namespace openday::ui
