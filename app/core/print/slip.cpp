#include "core/print/slip.h"

#include "core/content/ui_text.h"
#include "core/util/utf8.h"

namespace openday::print {
namespace {

// A condition is printed in short: the slip is a checklist to take along, not the legal text.
constexpr std::size_t kConditionCodePoints = 80;

std::string shortened(std::string_view text, std::size_t max_code_points) {
  std::string out;
  std::size_t count = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t code_point = 0;
    const std::size_t length = decode_code_point(text, pos, code_point);
    if (length == 0) break;
    if (++count > max_code_points) return out + "…";
    out.append(text.substr(pos, length));
    pos += length;
  }
  return out;
}

std::string material_line(const Material& material) {
  std::string amount;
  if (material.original && material.copies > 0)
    amount = fill_text(Text::PrintMaterialOriginalCopiesFormat, {std::to_string(material.copies)});
  else if (material.original)
    amount = tr(Text::PrintMaterialOriginalOnly);
  else if (material.copies > 0)
    amount = fill_text(Text::MaterialCopiesFormat, {std::to_string(material.copies)});
  std::string line = material.name;
  if (!amount.empty()) line += "（" + amount + "）";
  if (!material.note.empty()) line += "　" + material.note;
  return line;
}

std::string time_limit(const ApprovalItem& item) {
  if (item.statutory_days == 0 && item.promised_days == 0) return std::string(tr(Text::ItemImmediate));
  return fill_text(Text::ItemTimeLimitFormat, {std::to_string(item.statutory_days), std::to_string(item.promised_days)});
}

class SlipWriter {
 public:
  void add(SlipBlock::Kind kind, std::string text) {
    if (kind != SlipBlock::Kind::Rule && text.empty()) return;
    slip_.blocks.push_back({kind, std::move(text)});
  }
  void heading(Text id) { add(SlipBlock::Kind::Heading, std::string(tr(id))); }
  void labelled(Text label, const std::string& value) {
    if (!value.empty()) add(SlipBlock::Kind::Body, std::string(tr(label)) + value);
  }
  // The booth's event above the slip's name (the 办事指南 names the department there instead).
  void header(const SlipOrigin& origin, Text title) {
    add(SlipBlock::Kind::Small, origin.event.county + origin.event.title);
    add(SlipBlock::Kind::Title, std::string(tr(title)));
  }
  void footer(const SlipOrigin& origin) {
    add(SlipBlock::Kind::Rule, "");
    add(SlipBlock::Kind::Small, fill_text(Text::PrintBoothFormat, {origin.event.county, origin.event.title, origin.event.place}));
    add(SlipBlock::Kind::Small, fill_text(Text::PrintPrintedAtFormat, {origin.printed_at}));
  }
  Slip take() { return std::move(slip_); }

 private:
  Slip slip_;
};

}  // namespace

std::optional<Paper> paper_from_name(std::string_view name) {
  if (name == "80mm") return Paper::Roll80mm;
  if (name == "A4") return Paper::A4;
  return std::nullopt;
}

std::string_view paper_name(Paper paper) { return paper == Paper::A4 ? "A4" : "80mm"; }

std::string Slip::plain_text() const {
  std::string text;
  for (const SlipBlock& block : blocks) {
    if (block.kind == SlipBlock::Kind::Rule || block.kind == SlipBlock::Kind::Qr) continue;
    text += block.text + "\n";
  }
  return text;
}

Slip guide_slip(const SlipOrigin& origin, const Department& department, const ApprovalItem& item) {
  using Kind = SlipBlock::Kind;
  SlipWriter w;
  w.add(Kind::Small, origin.event.county + " · " + department.name);
  w.add(Kind::Title, std::string(tr(Text::PrintGuideTitle)));
  w.add(Kind::Title, item.name);
  w.add(Kind::Body, fill_text(Text::ItemDepartmentFormat, {department.name, item.kind}));
  w.add(Kind::Rule, "");
  w.heading(Text::ItemMaterials);
  w.add(Kind::Small, std::string(tr(Text::PrintChecklistHint)));
  for (const Material& material : item.materials) w.add(Kind::Check, material_line(material));
  if (!item.conditions.empty()) {
    w.heading(Text::ItemConditions);
    for (const std::string& condition : item.conditions) w.add(Kind::Body, "· " + shortened(condition, kConditionCodePoints));
  }
  w.heading(Text::ItemFee);
  w.add(Kind::Body, item.fee);
  w.heading(Text::ItemTimeLimit);
  w.add(Kind::Body, time_limit(item));
  w.heading(Text::ItemWhere);
  w.add(Kind::Body, item.where);
  w.labelled(Text::LabelAddress, department.address);
  w.labelled(Text::LabelWindow, department.service_window);
  w.labelled(Text::LabelHours, department.office_hours);
  w.labelled(Text::LabelPhone, item.contact.empty() ? department.phone : item.contact);
  if (item.online && !item.online_url.empty()) {
    w.heading(Text::ItemOnlineTitle);
    w.add(Kind::Qr, item.online_url);
    w.add(Kind::Small, item.online_url);
  }
  w.add(Kind::Small, fill_text(Text::PublishedFormat, {item.published.date, item.published.source}));
  w.footer(origin);
  return w.take();
}

Slip voucher_slip(const SlipOrigin& origin, const VoucherFacts& voucher) {
  using Kind = SlipBlock::Kind;
  SlipWriter w;
  w.header(origin, Text::PrintVoucherTitle);
  w.add(Kind::Rule, "");
  w.add(Kind::Heading, std::string(tr(Text::QuizVoucherLabel)));
  w.add(Kind::Large, voucher.code);
  w.add(Kind::Qr, voucher.code);
  w.add(Kind::Body, fill_text(Text::PrintPrizeFormat, {voucher.prize}));
  w.add(Kind::Body, fill_text(Text::QuizVoucherCollectAtFormat, {voucher.collect_at, voucher.prize}));
  if (!voucher.issued_at.empty()) w.add(Kind::Body, fill_text(Text::QuizVoucherIssuedAtFormat, {voucher.issued_at}));
  w.footer(origin);
  return w.take();
}

Slip day_summary_slip(const SlipOrigin& origin, const DaySummaryFacts& summary) {
  using Kind = SlipBlock::Kind;
  SlipWriter w;
  w.header(origin, Text::PrintSummaryTitle);
  w.add(Kind::Body, fill_text(Text::PrintSummaryDayFormat, {summary.day}));
  w.add(Kind::Rule, "");
  for (const auto& [label, figure] : summary.figures) w.add(Kind::Body, label + "：" + figure);
  w.footer(origin);
  return w.take();
}

Slip test_slip(const SlipOrigin& origin, std::string_view printer, Paper paper) {
  using Kind = SlipBlock::Kind;
  SlipWriter w;
  w.add(Kind::Title, std::string(tr(Text::PrintTestTitle)));
  w.add(Kind::Body, fill_text(Text::PrintTestPrinterFormat, {printer, paper_name(paper)}));
  w.add(Kind::Body, std::string(tr(Text::PrintTestHint)));
  w.add(Kind::Qr, std::string(printer));
  w.footer(origin);
  return w.take();
}

}  // namespace openday::print
