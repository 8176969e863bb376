#pragma once
// What the platform's runner asks of the kiosk: frames, when the next one is due, the fonts it
// uploads, and whether to stop or let typing through. The runner knows nothing else of the UI.
#include <cstdint>
#include <string>

#include "ui/fonts.h"
#include "ui/theme.h"

namespace openday::ui {

class KioskShell {
 public:
  virtual ~KioskShell() = default;

  // One frame: input filtering, ImGui::NewFrame, the screen, ImGui::Render.
  virtual void frame(double now) = 0;
  // How long the caller may sleep before the next frame is due without input (see Kiosk).
  virtual double seconds_until_next_frame(double now) const = 0;
  // Whether the last frame is final: nothing left to settle and no background work running.
  virtual bool settled() const = 0;
  // The frame just built is known to be replaced by the next one (a navigation, or a scroll
  // that ImGui applies one frame late): presenting it would only delay the picture the tap asked
  // for by a whole render.
  virtual bool frame_outdated() const = 0;
  // A fingerprint of what the frame just built draws (draw_data_signature): two frames with the
  // same one put the same pixels on the screen.
  virtual std::uint64_t frame_signature() const = 0;

  // Fonts are baked for one display size and one set of texts; when outdated the caller
  // rebuilds them between frames, then uploads the atlas texture again.
  virtual bool fonts_outdated() const = 0;
  virtual bool rebuild_fonts(std::string& error) = 0;
  virtual const FontSet& fonts() const = 0;
  virtual const Metrics& metrics() const = 0;

  // Staff chose to leave the app: the loop ends.
  virtual bool quit_requested() const = 0;
  // Whether the current screen takes typed text: only then are characters, Enter and Backspace
  // passed on.
  virtual bool wants_text_input() const = 0;
};

}  // namespace openday::ui
