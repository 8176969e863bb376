#pragma once
// QR codes for "continue on your phone" (libqrencode), as a square of dark/light modules.
#include <string_view>
#include <vector>

namespace openday {

struct QrCode {
  int size = 0;                // modules per side, without the quiet zone
  std::vector<bool> modules;   // row-major, true = dark
  bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)]; }
  bool empty() const { return size == 0; }
};

// Medium error correction (15%): still scans with some glare on a screen. Empty on failure.
QrCode make_qr_code(std::string_view text);

}  // namespace openday
