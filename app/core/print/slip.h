#pragma once
// What a printed slip says, before any layout (issue 30): the 办事指南 of an approval item, the
// 兑奖凭条 of a voucher, and the printer's test slip. A slip is a list of blocks; the PDF renderer
// (slip_pdf.h) lays them out for the paper. Kept apart so tests can read a slip without a PDF.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/content/content.h"

namespace openday::print {

enum class Paper { Roll80mm, A4 };

// "80mm" or "A4" (as the config and the command line spell them); nullopt for anything else.
std::optional<Paper> paper_from_name(std::string_view name);
std::string_view paper_name(Paper paper);

struct SlipBlock {
  // Title: the slip's name; Heading: a section; Body: a paragraph; Small: the footnotes;
  // Large: the voucher code in display type; Check: a material with a box to tick;
  // Rule: a dividing line; Qr: a QR code of text (drawn as modules, never as a picture).
  enum class Kind { Title, Heading, Body, Small, Large, Check, Rule, Qr };
  Kind kind = Kind::Body;
  std::string text;
};

struct Slip {
  std::vector<SlipBlock> blocks;
  // All the text a reader finds on the slip, in order (QR payloads excluded): for tests and logs.
  std::string plain_text() const;
};

// Where and when the slip was printed: the booth (the event's county, title and place) and the
// local time of printing, "2026-05-15 09:30".
struct SlipOrigin {
  EventInfo event;
  std::string printed_at;
};

// The 办事指南 of one approval item of a department.
Slip guide_slip(const SlipOrigin& origin, const Department& department, const ApprovalItem& item);

struct VoucherFacts {
  std::string code;        // canonical "ABCD-EFGH"
  std::string prize;       // the prize's name
  std::string collect_at;  // where it is collected (config quiz.prize_desk)
  std::string issued_at;   // local time the voucher was issued
};
Slip voucher_slip(const SlipOrigin& origin, const VoucherFacts& voucher);

// The day's 基本情况 as the staff dashboard counts it (the report's figures, put in words by the
// reports layer, which comes after this one): printed from 数据导出 at the desk.
struct DaySummaryFacts {
  std::string day;                                          // "2026-05-15"
  std::vector<std::pair<std::string, std::string>> figures;  // label, figure with its unit
};
Slip day_summary_slip(const SlipOrigin& origin, const DaySummaryFacts& summary);

// `openday print --test`: says which printer and paper, with a QR code to check the scanner.
Slip test_slip(const SlipOrigin& origin, std::string_view printer, Paper paper);

}  // namespace openday::print
