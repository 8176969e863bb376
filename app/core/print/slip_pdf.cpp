#include "core/print/slip_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "core/quiz/qr.h"

namespace openday::print {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr const char* kFontFamily = "Noto Sans CJK SC";
constexpr int kQrQuietModules = 4;
constexpr double kCheckBoxGap = 4.0;  // between the box and its text, in points

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
using LayoutPtr = std::shared_ptr<PangoLayout>;

// One thing drawn on the slip, laid out and measured before anything is drawn: a line of text
// (with the box to tick for a material's first line), a rule, a QR code, or space.
struct Piece {
  enum class Kind { Line, Rule, Qr, Space };
  Kind kind = Kind::Space;
  double height = 0;
  double x = 0;         // the text line's left, from the margin
  double baseline = 0;  // from the piece's top
  LayoutPtr layout{};   // keeps the line alive
  PangoLayoutLine* line = nullptr;
  bool box = false;
  QrCode qr{};
};

struct BlockStyle {
  double size_factor = 1.0;
  bool bold = false;
  bool centred = false;
  double space_before = 0;  // in body sizes
};

BlockStyle style_of(SlipBlock::Kind kind) {
  switch (kind) {
    case SlipBlock::Kind::Title: return {1.45, true, true, 0.2};
    case SlipBlock::Kind::Heading: return {1.15, true, false, 0.6};
    case SlipBlock::Kind::Large: return {2.6, true, true, 0.3};
    case SlipBlock::Kind::Small: return {0.85, false, false, 0.15};
    case SlipBlock::Kind::Check: return {1.0, false, false, 0.25};
    case SlipBlock::Kind::Body:
    case SlipBlock::Kind::Rule:
    case SlipBlock::Kind::Qr: return {1.0, false, false, 0.15};
  }
  return {};
}

class SlipLayout {
 public:
  explicit SlipLayout(const PaperGeometry& geometry) : geometry_(geometry) {
    context_.reset(pango_font_map_create_context(pango_cairo_font_map_get_default()));
    // Points as Pango units at 72 dpi, and no hinting: a PDF is scaled, never pixel-snapped.
    pango_cairo_context_set_resolution(context_.get(), 72.0);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_.get(), options);
    cairo_font_options_destroy(options);
  }

  std::vector<Piece> lay_out(const Slip& slip) {
    std::vector<Piece> pieces;
    for (const SlipBlock& block : slip.blocks) {
      const BlockStyle style = style_of(block.kind);
      add_space(pieces, style.space_before * geometry_.body_size);
      if (block.kind == SlipBlock::Kind::Rule) {
        pieces.push_back({.kind = Piece::Kind::Rule, .height = geometry_.body_size * 0.6});
      } else if (block.kind == SlipBlock::Kind::Qr) {
        add_qr(pieces, block.text);
      } else {
        add_text(pieces, block, style);
      }
    }
    return pieces;
  }

 private:
  static void add_space(std::vector<Piece>& pieces, double height) {
    if (height > 0) pieces.push_back({.kind = Piece::Kind::Space, .height = height});
  }

  void add_qr(std::vector<Piece>& pieces, const std::string& text) const {
    QrCode qr = make_qr_code(text);
    if (qr.empty()) return;
    pieces.push_back({.kind = Piece::Kind::Qr, .height = geometry_.qr_width, .qr = std::move(qr)});
  }

  void add_text(std::vector<Piece>& pieces, const SlipBlock& block, const BlockStyle& style) {
    const double content_width = geometry_.width - 2 * geometry_.margin;
    const bool check = block.kind == SlipBlock::Kind::Check;
    const double box = box_side();
    const double indent = check ? box + kCheckBoxGap : 0;
    LayoutPtr layout(pango_layout_new(context_.get()), GObjectUnref{});
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFontFamily);
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font, geometry_.body_size * style.size_factor * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>((content_width - indent) * PANGO_SCALE));
    // Word-or-character wrapping: Chinese breaks anywhere, and a long web address still wraps.
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), style.centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout.get(), block.text.data(), static_cast<int>(block.text.size()));
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    bool first = true;
    do {
      PangoRectangle logical{};
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      const int baseline = pango_layout_iter_get_baseline(iter);
      pieces.push_back({.kind = Piece::Kind::Line,
                        .height = static_cast<double>(logical.height) / PANGO_SCALE,
                        .x = indent + static_cast<double>(logical.x) / PANGO_SCALE,
                        .baseline = static_cast<double>(baseline - logical.y) / PANGO_SCALE,
                        .layout = layout,
                        .line = pango_layout_iter_get_line_readonly(iter),
                        .box = check && first});
      first = false;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
  }

  double box_side() const { return geometry_.body_size * 0.85; }

  PaperGeometry geometry_;
  std::unique_ptr<PangoContext, GObjectUnref> context_;
};

void draw_qr(cairo_t* cr, const QrCode& qr, double left, double top, double side) {
  const double module = side / (qr.size + 2 * kQrQuietModules);
  const double origin_x = left + kQrQuietModules * module;
  const double origin_y = top + kQrQuietModules * module;
  // One rectangle per run of dark modules in a row: no hairline seams between neighbours.
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size;) {
      if (!qr.dark(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < qr.size && qr.dark(end, y)) ++end;
      cairo_rectangle(cr, origin_x + x * module, origin_y + y * module, (end - x) * module, module);
      x = end;
    }
  }
  cairo_fill(cr);
}

void draw_piece(cairo_t* cr, const Piece& piece, const PaperGeometry& geometry, double top) {
  const double left = geometry.margin;
  const double content_width = geometry.width - 2 * geometry.margin;
  switch (piece.kind) {
    case Piece::Kind::Space: return;
    case Piece::Kind::Rule:
      cairo_set_line_width(cr, 0.6);
      cairo_move_to(cr, left, top + piece.height / 2);
      cairo_line_to(cr, left + content_width, top + piece.height / 2);
      cairo_stroke(cr);
      return;
    case Piece::Kind::Qr: draw_qr(cr, piece.qr, left + (content_width - piece.height) / 2, top, piece.height); return;
    case Piece::Kind::Line:
      if (piece.box) {
        const double side = geometry.body_size * 0.85;
        cairo_set_line_width(cr, 0.7);
        cairo_rectangle(cr, left + 0.5, top + piece.baseline - side, side, side);
        cairo_stroke(cr);
      }
      cairo_move_to(cr, left + piece.x, top + piece.baseline);
      pango_cairo_show_layout_line(cr, piece.line);
      return;
  }
}

double total_height(const std::vector<Piece>& pieces) {
  double height = 0;
  for (const Piece& piece : pieces) height += piece.height;
  return height;
}

}  // namespace

PaperGeometry paper_geometry(Paper paper) {
  if (paper == Paper::A4)
    return {.width = 210 * kPointsPerMm, .page_height = 297 * kPointsPerMm, .margin = 18 * kPointsPerMm, .body_size = 11, .qr_width = 40 * kPointsPerMm};
  // A receipt printer prints about 72 mm of its 80 mm roll: 4 mm margins each side.
  return {.width = 80 * kPointsPerMm, .page_height = 0, .margin = 4 * kPointsPerMm, .body_size = 9, .qr_width = 36 * kPointsPerMm};
}

RenderResult render_slip_pdf(const Slip& slip, Paper paper, const std::filesystem::path& file) {
  const PaperGeometry geometry = paper_geometry(paper);
  SlipLayout layout(geometry);
  const std::vector<Piece> pieces = layout.lay_out(slip);
  const bool roll = geometry.page_height <= 0;
  const double page_height = roll ? total_height(pieces) + 2 * geometry.margin : geometry.page_height;

  cairo_surface_t* surface = cairo_pdf_surface_create(file.c_str(), geometry.width, page_height);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    const std::string why = cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    return {.error = file.string() + ": cannot write the PDF: " + why};
  }
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0, 0, 0);
  RenderResult result{.error = "", .pages = 1, .page_height = page_height};
  double y = geometry.margin;
  for (const Piece& piece : pieces) {
    // A4: a piece that does not fit starts the next page (a page never starts with space).
    if (!roll && y + piece.height > page_height - geometry.margin && y > geometry.margin) {
      cairo_show_page(cr);
      ++result.pages;
      y = geometry.margin;
      if (piece.kind == Piece::Kind::Space) continue;
    }
    draw_piece(cr, piece, geometry, y);
    y += piece.height;
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) return {.error = file.string() + ": cannot write the PDF: " + cairo_status_to_string(status)};
  return result;
}

}  // namespace openday::print
