#pragma once
// Lays a slip out with Pango (the Noto Sans CJK faces, through fontconfig) into a cairo PDF:
// an 80 mm roll whose one page is as long as the slip, or A4 pages. QR codes are drawn as
// filled rectangles, so that any printer and any PDF reader shows them sharp.
#include <filesystem>
#include <string>

#include "core/print/slip.h"

namespace openday::print {

// Sizes in PDF points (1/72 inch).
struct PaperGeometry {
  double width = 0;
  double page_height = 0;  // 0: the page is as long as the slip (a roll)
  double margin = 0;       // left, right, top and bottom
  double body_size = 0;    // the body text's size
  double qr_width = 0;     // the QR code's side, quiet zone included
};
PaperGeometry paper_geometry(Paper paper);

struct RenderResult {
  std::string error{};  // empty on success; else names the file and what failed
  int pages = 0;
  double page_height = 0;  // the (last) page's height in points
  bool ok() const { return error.empty(); }
};

// Writes the slip as a PDF to file (replacing it).
RenderResult render_slip_pdf(const Slip& slip, Paper paper, const std::filesystem::path& file);

}  // namespace openday::print
