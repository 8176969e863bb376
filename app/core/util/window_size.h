#pragma once
// A window's size in pixels: what `--windowed WxH` asks for and what the platform opens, so the
// window needs nothing of the command line.

namespace openday {

struct WindowSize {
  int width = 0;
  int height = 0;
};

}  // namespace openday
